import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The identity logic also runs in the renderer: bundled for the browser it must need no Node
 * built-in (esbuild refuses to resolve them on the browser platform) and must make no request
 * (the Belfiore register is embedded, not downloaded).
 */
describe('shared/identity in the browser', () => {
  it('bundles for the browser with its libraries, without Node built-ins or network calls', async () => {
    const result = await build({
      entryPoints: ['shared/identity/form-id-check.ts', 'shared/identity/mrz.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      outdir: 'out',
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles.map((f) => f.text).join('\n');
    expect(code).toContain('Borghetto San Nicol'); // the embedded register is in the bundle
    for (const networkCall of [/\bfetch\s*\(/, /XMLHttpRequest/, /\bimport\s*\(\s*["'`]https?:/, /WebSocket/]) {
      expect(code).not.toMatch(networkCall);
    }
  });
});
