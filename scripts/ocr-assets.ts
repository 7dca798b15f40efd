/**
 * The OCR assets the renderer loads at run time (tesseract worker and core, Italian language data,
 * zxing's wasm, pdf.js's worker), served under /ocr-assets/ by the dev server and copied into
 * dist/renderer/ocr-assets/ at build, so nothing is ever fetched from a CDN.
 */
import { createReadStream, existsSync, mkdirSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
export const OCR_ASSETS_PREFIX = '/ocr-assets/';

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** URL path under /ocr-assets/ → file on disk. */
export function ocrAssetFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tesseract/worker.min.js', require.resolve('tesseract.js/dist/worker.min.js'));
  const core = packageDir('tesseract.js-core');
  // LSTM-only cores (plain, SIMD, relaxed SIMD): the workers run OEM.LSTM_ONLY, the legacy engine is never loaded.
  for (const name of readdirSync(core).filter((f) => /^tesseract-core.*-lstm\.(js|wasm|wasm\.js)$/.test(f))) files.set(`tesseract-core/${name}`, path.join(core, name));
  files.set('lang/ita.traineddata.gz', path.join(packageDir('@tesseract.js-data/ita'), '4.0.0_best_int', 'ita.traineddata.gz'));
  files.set('zxing/zxing_reader.wasm', require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  files.set('pdfjs/pdf.worker.min.mjs', require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'));
  return files;
}

/** The build's copy into the renderer output, which electron-builder packs into app.asar (integrity-checked). */
export function copyOcrAssets(outDir: string, files = ocrAssetFiles()): void {
  for (const [url, file] of files) {
    const target = path.join(outDir, OCR_ASSETS_PREFIX.slice(1), url);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.gz': 'application/octet-stream' };

export function ocrAssets(): Plugin {
  const files = ocrAssetFiles();
  let outDir = '';
  return {
    name: 'sportello-ocr-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const file = url.startsWith(OCR_ASSETS_PREFIX) ? files.get(url.slice(OCR_ASSETS_PREFIX.length)) : undefined;
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        if (req.method === 'HEAD') return res.end();
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      copyOcrAssets(outDir, files);
    },
  };
}
