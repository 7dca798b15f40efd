/** Reads an application form from disk: a digitally filled PDF exactly, a scan by OCR of its zones. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { acroFormValues, readAcroForm, readFormByZones, type FormReading, type PdfFieldObjects } from '../shared/document-reading/form-reading';
import { parseFormTemplate, type FormTemplate } from '../shared/document-reading/form-template';
import { checkInputFile, DocumentInputError } from '../shared/document-reading/input-file';
import type { OcrEngine } from '../shared/document-reading/ocr-engine';
import type { GrayRaster } from '../shared/document-reading/raster';
import { decodeFile, openPdf, renderPdfPages } from './node-decode';

const DIGITAL_FORM_RENDER_SCALE = 100 / 72;

export async function loadFormTemplate(file = path.resolve('resources/forms/modulo-abilitazione-facsimile.template.json')): Promise<FormTemplate> {
  return parseFormTemplate(JSON.parse(await readFile(file, 'utf8')));
}

export async function readFormFiles(files: string[], template: FormTemplate, ocr: OcrEngine): Promise<FormReading> {
  const pages: GrayRaster[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const bytes = await readFile(file).catch(() => {
      throw new DocumentInputError('unreadableFile', name);
    });
    if (checkInputFile(bytes, name).format === 'pdf') {
      const doc = await openPdf(bytes, name);
      try {
        const objects = (await doc.getFieldObjects()) as PdfFieldObjects | null;
        if (Object.keys(acroFormValues(objects, template)).length > 0) {
          // Values are exact; the pages are only needed for the signature box and the overlay.
          return readAcroForm(objects, await renderPdfPages(doc, name, DIGITAL_FORM_RENDER_SCALE), template) as FormReading;
        }
        pages.push(...(await renderPdfPages(doc, name)));
      } finally {
        await doc.destroy();
      }
    } else pages.push(...(await decodeFile(bytes, name)));
  }
  return readFormByZones(pages, template, ocr);
}
