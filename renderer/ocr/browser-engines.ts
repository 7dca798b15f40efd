/**
 * The browser side of document reading: tesseract.js in Web Workers (a pool sized to the cores,
 * reused, recycled) and zxing-wasm, every file from the app's origin, nothing cached.
 */
import { createWorker, OEM } from 'tesseract.js';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createTesseractOcr, type TesseractOcr } from '../../shared/document-reading/tesseract-engine';
import { createZxingBarcodeReader, type ReadBarcodes } from '../../shared/document-reading/zxing-barcodes';
import type { BarcodeReader } from '../../shared/document-reading/ocr-engine';
import { ocrAssetUrl } from './ocr-assets';

/** Two workers read front and back together; more than four only costs memory. */
export function browserPoolSize(): number {
  return Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
}

export function createBrowserOcr(size = browserPoolSize()): TesseractOcr {
  return createTesseractOcr(
    () =>
      createWorker('ita', OEM.LSTM_ONLY, {
        workerPath: ocrAssetUrl('tesseract/worker.min.js'),
        corePath: ocrAssetUrl('tesseract-core/'),
        langPath: ocrAssetUrl('lang'),
        workerBlobURL: false,
        cacheMethod: 'none',
        gzip: true,
      }),
    size,
  );
}

let zxingPrepared = false;
// Without this zxing-wasm fetches its .wasm from a CDN. One object, so zxing sees the same overrides
// on every call and keeps the module it compiled.
const zxingOverrides = { locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? ocrAssetUrl('zxing/zxing_reader.wasm') : prefix + file) };

/** Compiles zxing's wasm now, so the first captured file is not kept waiting for it. */
export function prepareBrowserBarcodes(): Promise<unknown> {
  zxingPrepared = true;
  return prepareZXingModule({ overrides: zxingOverrides, fireImmediately: true });
}

export function createBrowserBarcodeReader(): BarcodeReader {
  if (!zxingPrepared) {
    prepareZXingModule({ overrides: zxingOverrides });
    zxingPrepared = true;
  }
  return createZxingBarcodeReader(readBarcodes as unknown as ReadBarcodes);
}
