/**
 * The renderer's document reader: the same pipeline as the CLI (shared/document-reading), with
 * browser decoding and engines. Create one per app session and reuse it: the workers stay warm.
 */
import { readIdDocument, type DocumentReadingResult } from '../../shared/document-reading/read-id-document';
import { createBrowserBarcodeReader, createBrowserOcr } from './browser-engines';
import { decodeBrowserFile } from './browser-decode';

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

export interface DocumentReader {
  read(files: DocumentFile[], today: string): Promise<DocumentReadingResult>;
  warmUp(): Promise<void>;
  terminate(): Promise<void>;
}

export function createDocumentReader(): DocumentReader {
  const ocr = createBrowserOcr();
  const barcodes = createBrowserBarcodeReader();
  return {
    async read(files, today) {
      const pages = [];
      for (const file of files) pages.push(...(await decodeBrowserFile(file.bytes, file.name)));
      return readIdDocument(pages, { ocr, barcodes, today });
    },
    warmUp: () => ocr.pool.warmUp(),
    terminate: () => ocr.pool.terminate(),
  };
}
