/**
 * Reading the application form: exact AcroForm values when it was filled digitally, OCR of each
 * field zone (a suggestion only) when it was printed and scanned, and the signature box either way.
 */
import { formIdentityFromAcroForm } from '../identity/form-identity';
import type { FieldSource, FormIdentity } from '../identity/types';
import { FORM_FIELD_NAMES, type FormFieldName, type FormTemplate, type TemplateZone } from './form-template';
import type { OcrEngine } from './ocr-engine';
import { cropBox, type Box, type GrayRaster } from './raster';
import { checkSignature, type SignatureCheck } from './signature';

/** What pdfjs-dist's `getFieldObjects()` returns, reduced to what is read here. */
export type PdfFieldObjects = Record<string, Array<{ type?: string; value?: unknown }>>;

export interface FormFieldReading {
  value: string;
  source: Extract<FieldSource, 'acroform' | 'ocr'>;
  confidence: number;
  /** Page (1-based) and box in page pixels, for the overlay. */
  page: number;
  box: Box | null;
}

export interface FormReading {
  source: 'acroform' | 'ocr';
  fields: Partial<Record<FormFieldName, FormFieldReading>>;
  identity: FormIdentity;
  signature: SignatureCheck & { page: number; box: Box };
}

/** Field values of a digitally filled PDF; empty when the PDF has no filled fields. */
export function acroFormValues(objects: PdfFieldObjects | null, template: FormTemplate): Partial<Record<FormFieldName, string>> {
  const values: Partial<Record<FormFieldName, string>> = {};
  if (!objects) return values;
  for (const name of FORM_FIELD_NAMES) {
    const widgets = (objects[name] ?? []).filter((w) => w.type && w.type !== '');
    const raw = widgets.map((w) => w.value).find((v) => typeof v === 'string' && v !== '' && v !== 'Off');
    if (typeof raw !== 'string') continue;
    const value = template.options[name]?.[raw] ?? raw;
    if (value.trim() !== '') values[name] = value.trim();
  }
  return values;
}

/** Below this share of dark pixels a field zone is empty: OCR would only invent characters from noise. */
const EMPTY_ZONE_INK = 0.004;

function inkShare(raster: GrayRaster): number {
  let dark = 0;
  for (const v of raster.data) if (v < 128) dark += 1;
  return dark / raster.data.length;
}

function zoneBox(zone: TemplateZone, template: FormTemplate, page: GrayRaster): Box {
  const scale = page.width / template.pageSize.width;
  return { x: zone.x * scale, y: zone.y * scale, width: zone.width * scale, height: zone.height * scale };
}

function signatureOf(pages: GrayRaster[], template: FormTemplate): FormReading['signature'] {
  const page = pages[template.signature.page - 1];
  if (!page) return { signed: false, inkRatio: 0, page: template.signature.page, box: { x: 0, y: 0, width: 0, height: 0 } };
  const box = zoneBox(template.signature, template, page);
  return { ...checkSignature(page, box), page: template.signature.page, box };
}

function identityOf(fields: FormReading['fields']): FormIdentity {
  return formIdentityFromAcroForm(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value])));
}

/** A digitally filled form: values exact; `pages` are its rendered pages, for the signature box. */
export function readAcroForm(objects: PdfFieldObjects | null, pages: GrayRaster[], template: FormTemplate): FormReading | null {
  const values = acroFormValues(objects, template);
  if (Object.keys(values).length === 0) return null;
  const fields: FormReading['fields'] = {};
  for (const [name, value] of Object.entries(values) as Array<[FormFieldName, string]>) {
    const zone = template.fields[name];
    const page = pages[zone.page - 1];
    fields[name] = { value, source: 'acroform', confidence: 1, page: zone.page, box: page ? zoneBox(zone, template, page) : null };
  }
  return { source: 'acroform', fields, identity: identityOf(fields), signature: signatureOf(pages, template) };
}

/**
 * A printed form scanned back: OCR of each field zone. Pages must be upright, whole A4 scans in
 * template order. The values are suggestions for the clerk, never exact.
 */
export async function readFormByZones(pages: GrayRaster[], template: FormTemplate, ocr: OcrEngine): Promise<FormReading> {
  const fields: FormReading['fields'] = {};
  await Promise.all(
    FORM_FIELD_NAMES.filter((name) => name !== 'tipo_profilo').map(async (name) => {
      const zone = template.fields[name];
      const page = pages[zone.page - 1];
      if (!page) return;
      const box = zoneBox(zone, template, page);
      // Inside the printed frame only: its border would read as `|` or `I`.
      // Vertically only a little: accents on capitals reach the top of the frame.
      const ix = box.height * 0.15;
      const iy = box.height * 0.08;
      const inner = cropBox(page, { x: box.x + ix, y: box.y + iy, width: box.width - 2 * ix, height: box.height - 2 * iy });
      if (inkShare(inner) < EMPTY_ZONE_INK) return;
      const result = await ocr.recognize({ image: inner, layout: 'block' });
      const line = result.lines.find((l) => l.text.trim() !== '');
      if (!line) return;
      fields[name] = { value: line.text.trim(), source: 'ocr', confidence: Math.round(line.confidence) / 100, page: zone.page, box };
    }),
  );
  return { source: 'ocr', fields, identity: identityOf(fields), signature: signatureOf(pages, template) };
}
