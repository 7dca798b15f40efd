import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Electron ≥ 42 downloads its binary on first require: unit tests get a recording stub instead.
    alias: { electron: path.resolve('tests/stubs/electron.ts') },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'central/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
