/**
 * Document reading in the browser: the same pipeline as the CLI (shared/document-reading), with
 * browser decoding and engines. It runs inside the document-reading worker (reading.worker.ts),
 * never on the page's thread: decoding, locating and cutting out the card, the barcode search and
 * the MRZ band work are all pixel loops. Create one per worker and reuse it: OCR workers stay warm.
 */
import { readIdDocument, type DocumentReadingResult } from '../../shared/document-reading/read-id-document';
import { createBrowserBarcodeReader, createBrowserOcr } from './browser-engines';
import { decodeBrowserFile, decodeBrowserFileWithFields } from './browser-decode';
import { acroFormValues, readAcroForm, readFormByZones, type FormReading } from '../../shared/document-reading/form-reading';
import type { FormTemplate } from '../../shared/document-reading/form-template';
import type { GrayRaster } from '../../shared/document-reading/raster';
import type { PageOrigin } from '../../shared/intake/read-regions';

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

/** Which file and page each decoded page came from: evidence boxes point into these. */
export interface ReadPages {
  pages: PageOrigin[];
}

export interface DocumentReader {
  read(files: DocumentFile[], today: string): Promise<DocumentReadingResult & ReadPages>;
  /** The application form: exactly from a digitally filled PDF, else by OCR of each field zone. */
  readForm(files: DocumentFile[], template: FormTemplate): Promise<FormReading & ReadPages>;
  warmUp(): Promise<void>;
  terminate(): Promise<void>;
}

export function createReadingService(): DocumentReader {
  const ocr = createBrowserOcr();
  const barcodes = createBrowserBarcodeReader();
  return {
    async read(files, today) {
      const pages: GrayRaster[] = [];
      const origins: PageOrigin[] = [];
      for (const [file, { bytes, name }] of files.entries()) {
        const decoded = await decodeBrowserFile(bytes, name);
        pages.push(...decoded);
        origins.push(...originsOf(decoded, file));
      }
      return { ...(await readIdDocument(pages, { ocr, barcodes, today })), pages: origins };
    },
    async readForm(files, template) {
      const pages: GrayRaster[] = [];
      const origins: PageOrigin[] = [];
      for (const [file, { bytes, name }] of files.entries()) {
        const { pages: rendered, fieldObjects } = await decodeBrowserFileWithFields(bytes, name);
        if (Object.keys(acroFormValues(fieldObjects, template)).length > 0) return { ...(readAcroForm(fieldObjects, rendered, template) as FormReading), pages: originsOf(rendered, file) };
        pages.push(...rendered);
        origins.push(...originsOf(rendered, file));
      }
      return { ...(await readFormByZones(pages, template, ocr)), pages: origins };
    },
    warmUp: () => ocr.pool.warmUp(),
    terminate: () => ocr.pool.terminate(),
  };
}

function originsOf(pages: readonly GrayRaster[], file: number): PageOrigin[] {
  return pages.map((raster, index) => ({ file, page: index + 1, width: raster.width, height: raster.height }));
}
