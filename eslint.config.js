import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronModules = ['electron', 'electron/*'];

/** Runtime layering: shared/ is pure (no Electron, no Node, no DOM); the renderer never reaches Node or Electron. */
const noNodeOrElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this runtime.' })),
      patterns: [{ group: electronModules, message: 'Electron may only be imported from electron/.' }],
    },
  ],
};
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement', 'self', 'Blob', 'File', 'fetch', 'crypto'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.dev-data/**', '.central-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain'][property.name=/^(handle|handleOnce|on|once)$/]", message: 'Register IPC only through registerIpcHandlers (one typed contract).' },
        { selector: "MemberExpression[object.name='ipcRenderer'][property.name=/^(on|once|send|sendSync)$/]", message: 'The renderer talks to main only through the contract (invoke).' },
      ],
    },
  },
  {
    files: ['electron/main/ipc/register-handlers.ts', 'tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...noNodeOrElectron,
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ is pure TypeScript: no DOM or Node globals.' })), 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...noNodeOrElectron, ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['electron/**/*.ts', 'central/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '../renderer/*'], message: 'Main-process code must not import the renderer.' }] }],
    },
  },
);
