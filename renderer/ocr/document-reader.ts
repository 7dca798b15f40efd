/**
 * The renderer's document reader: the same pipeline as the CLI (shared/document-reading), with
 * browser decoding and engines. Create one per app session and reuse it: the workers stay warm.
 */
import { readIdDocument, type DocumentReadingResult } from '../../shared/document-reading/read-id-document';
import { createBrowserBarcodeReader, createBrowserOcr } from './browser-engines';
import { decodeBrowserFile, decodeBrowserFileWithFields } from './browser-decode';
import { acroFormValues, readAcroForm, readFormByZones, type FormReading } from '../../shared/document-reading/form-reading';
import type { FormTemplate } from '../../shared/document-reading/form-template';
import type { GrayRaster } from '../../shared/document-reading/raster';

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

export interface DocumentReader {
  read(files: DocumentFile[], today: string): Promise<DocumentReadingResult>;
  /** The application form: exactly from a digitally filled PDF, else by OCR of each field zone. */
  readForm(files: DocumentFile[], template: FormTemplate): Promise<FormReading>;
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
    async readForm(files, template) {
      const pages: GrayRaster[] = [];
      for (const file of files) {
        const { pages: rendered, fieldObjects } = await decodeBrowserFileWithFields(file.bytes, file.name);
        if (Object.keys(acroFormValues(fieldObjects, template)).length > 0) return readAcroForm(fieldObjects, rendered, template) as FormReading;
        pages.push(...rendered);
      }
      return readFormByZones(pages, template, ocr);
    },
    warmUp: () => ocr.pool.warmUp(),
    terminate: () => ocr.pool.terminate(),
  };
}
