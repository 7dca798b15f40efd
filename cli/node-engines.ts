/**
 * The Node side of document reading: tesseract.js workers (worker threads) and zxing-wasm, all from
 * local files in node_modules; nothing is fetched and nothing is cached to disk.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createTesseractOcr, type TesseractOcr } from '../shared/document-reading/tesseract-engine';
import { createZxingBarcodeReader, type ReadBarcodes } from '../shared/document-reading/zxing-barcodes';
import type { BarcodeReader } from '../shared/document-reading/ocr-engine';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export function createNodeOcr(size = Math.min(4, Math.max(1, os.availableParallelism()))): TesseractOcr {
  const langPath = path.join(packageDir('@tesseract.js-data/ita'), '4.0.0_best_int');
  return createTesseractOcr(
    () =>
      createWorker('ita', OEM.LSTM_ONLY, {
        langPath,
        gzip: true,
        cacheMethod: 'none',
        corePath: packageDir('tesseract.js-core'),
      }),
    size,
  );
}

let zxingReady = false;

export function createNodeBarcodeReader(): BarcodeReader {
  if (!zxingReady) {
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } });
    zxingReady = true;
  }
  return createZxingBarcodeReader(readBarcodes as unknown as ReadBarcodes);
}
