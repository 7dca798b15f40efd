// Bundles the main process and the preload into CommonJS files beside the renderer build.
// The sandboxed preload must be a single CommonJS file; `electron` stays external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', external: ['electron'], sourcemap: false, logLevel: 'info' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
