import { vi } from 'vitest';
import type { IpcHandlerDeps } from '../../../electron/main/ipc-handlers';
import { createHotFolder } from '../../../electron/main/hot-folder/hot-folder';
import { nodeDiagnosticsFileSystem, nodeDraftFileSystem, nodeHotFolderFileSystem, writeFileAtomic } from '../../../electron/main/node-files';
import { createDraftFolder } from '../../../electron/main/documents/draft-folder';
import { createCaseBundleFile } from '../../../electron/main/documents/case-bundle-file';
import { createDiagnosticsFolder } from '../../../electron/main/diagnostics/diagnostics-folder';
import { defaultSettings } from '../../../shared/settings/settings';
import { createAccountGuard, type AccountGuard } from '../../../electron/main/accounts/account-guard';

/** Main's account guard with its state in memory (`saved` holds the last JSON it wrote). */
export function memoryAccountGuard(): AccountGuard & { saved: { json: string | null } } {
  const saved = { json: null as string | null };
  const guard = createAccountGuard({
    load: async () => saved.json,
    save: async (json) => {
      saved.json = json;
    },
    randomBytes: (size) => Buffer.alloc(size, 7),
  });
  return Object.assign(guard, { saved });
}

/** Main-process handler dependencies for tests: real folders under `root`, inert Electron services. */
export function testHandlerDeps(root: string, overrides: Partial<IpcHandlerDeps> = {}): IpcHandlerDeps {
  return {
    version: '1.0.0',
    platform: 'linux',
    electronVersion: '45.0.0',
    chromeVersion: '140',
    userDataPath: root,
    settings: { get: async () => defaultSettings, update: async () => defaultSettings },
    log: { write: vi.fn() },
    dataKey: async () => Buffer.alloc(32, 1).toString('base64'),
    hotFolder: createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => '' }),
    drafts: createDraftFolder({ folder: `${root}/drafts`, fs: nodeDraftFileSystem(), openPath: async () => '', randomId: () => '0123abcd', now: Date.now, maxAgeMs: 1000 }),
    diagnostics: createDiagnosticsFolder({ folder: `${root}/diagnostica`, logFile: `${root}/logs/sportello.log`, fs: nodeDiagnosticsFileSystem(), reveal: () => false, now: () => new Date() }),
    diagnoseCentral: async () => ({ kind: 'unconfigured' }),
    caseBundles: createCaseBundleFile({ chooseTarget: async (name) => `${root}/bundles/${name}`, write: writeFileAtomic }),
    accounts: memoryAccountGuard(),
    chooseHotFolder: async () => null,
    ...overrides,
  };
}
