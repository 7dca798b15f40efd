/**
 * The document-reading worker: every pixel of document reading is handled here, off the page's
 * thread (decoding, PDF rendering, TIFF pages for the screen too, locating and cutting out the card, barcodes, MRZ band, form
 * zones); tesseract.js runs in its own workers started from here. One request at a time per
 * operation kind is the caller's business; this loop only answers each request by its id.
 */
import { DocumentInputError } from '../../shared/document-reading/input-file';
import { preparePdf } from './browser-decode';
import { prepareBrowserBarcodes } from './browser-engines';
import { setOcrAssetBase } from './ocr-assets';
import { findSignedForm } from './signed-form-search';
import { tiffPageImage } from './tiff-decode';
import type { ReadingError, ReadingRequest, WorkerInbound, WorkerOutbound } from './reading-protocol';
import { createReadingService, type DocumentReader } from './reading-service';

let service: DocumentReader | null = null;

function readingService(): DocumentReader {
  service ??= createReadingService();
  return service;
}

async function answer(request: ReadingRequest): Promise<unknown> {
  switch (request.op) {
    case 'read':
      return readingService().read(request.files, request.today);
    case 'readForm':
      return readingService().readForm(request.files, request.template);
    case 'findSignedForm':
      return findSignedForm(request.file.bytes, request.file.name);
    case 'tiffPage':
      return tiffPageImage(request.file.bytes, request.file.name, request.page);
    case 'warmUp':
      return readingService().warmUp();
    case 'terminate':
      return service?.terminate();
  }
}

function errorOf(error: unknown): ReadingError {
  if (error instanceof DocumentInputError) return { message: error.message, input: { code: error.code, file: error.file, params: error.params } };
  return { message: error instanceof Error ? error.message : String(error) };
}

self.onmessage = (event: MessageEvent<WorkerInbound>) => {
  const message = event.data;
  if (message.kind === 'init') {
    setOcrAssetBase(message.assetBase);
    // Compiled and loaded before the first captured file needs them; a failure here shows again,
    // with its message, when they are used.
    prepareBrowserBarcodes().catch(() => undefined);
    preparePdf().catch(() => undefined);
    return;
  }
  const reply = (out: WorkerOutbound) => (self as unknown as Worker).postMessage(out);
  answer(message.request).then(
    (value) => reply({ id: message.id, ok: true, value }),
    (error: unknown) => reply({ id: message.id, ok: false, error: errorOf(error) }),
  );
};
