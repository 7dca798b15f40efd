/** Reads the files of one ID document from disk into an IdDocumentReading with the Node engines. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentInputError } from '../shared/document-reading/input-file';
import { readIdDocument, type DocumentReadingResult } from '../shared/document-reading/read-id-document';
import type { BarcodeReader, OcrEngine } from '../shared/document-reading/ocr-engine';
import { decodeFile } from './node-decode';

export async function readDocumentFiles(files: string[], deps: { ocr: OcrEngine; barcodes: BarcodeReader; today: string }): Promise<DocumentReadingResult> {
  const pages = [];
  for (const file of files) {
    const name = path.basename(file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      throw new DocumentInputError('unreadableFile', name);
    }
    pages.push(...(await decodeFile(bytes, name)));
  }
  return readIdDocument(pages, deps);
}
