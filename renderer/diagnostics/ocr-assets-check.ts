import type { OcrAssetStatus } from '../../shared/diagnostics/report';
import { ocrAssetUrl } from '../ocr/ocr-assets';

/**
 * Every file document reading loads from the app's origin: the tesseract worker, the three LSTM
 * cores (tesseract.js picks one by what the CPU supports), the Italian language data, zxing's wasm
 * and pdf.js's worker. tests/unit/main/packaged-resources.test.ts holds this list to the build's.
 */
export const OCR_ASSET_PATHS = [
  'tesseract/worker.min.js',
  'tesseract-core/tesseract-core-lstm.wasm.js',
  'tesseract-core/tesseract-core-simd-lstm.wasm.js',
  'tesseract-core/tesseract-core-relaxedsimd-lstm.wasm.js',
  'lang/ita.traineddata.gz',
  'zxing/zxing_reader.wasm',
  'pdfjs/pdf.worker.min.mjs',
] as const;

/** Whether each file is there and how big it is, asked of the origin that serves it (HEAD, never cached). */
export function checkOcrAssets(fetcher: typeof fetch = fetch): Promise<OcrAssetStatus[]> {
  return Promise.all(
    OCR_ASSET_PATHS.map(async (path) => {
      try {
        const response = await fetcher(ocrAssetUrl(path), { method: 'HEAD', cache: 'no-store' });
        const length = Number(response.headers.get('Content-Length'));
        return { path, ok: response.ok, bytes: response.ok && Number.isFinite(length) && length > 0 ? length : null };
      } catch {
        return { path, ok: false, bytes: null };
      }
    }),
  );
}
