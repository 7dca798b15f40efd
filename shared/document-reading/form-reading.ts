/**
 * Reading the application form: exact AcroForm values when it was filled digitally; on a scan of
 * the printed form, OCR of each field zone (typed values to check, handwritten ones suggestions
 * only) and the profile's ticked box; the signature box either way.
 */
import { formIdentityFromAcroForm } from '../identity/form-identity';
import type { FieldSource, FormIdentity, ReadingWarning } from '../identity/types';
import { translate } from '../i18n/translate';
import { FORM_FIELD_NAMES, type FormFieldName, type FormTemplate, type TemplateZone } from './form-template';
import { classifyWriting, type Writing, type WritingEvidence } from './handwriting';
import type { OcrEngine } from './ocr-engine';
import { cropBox, type Box, type GrayRaster } from './raster';
import { checkSignature, type SignatureCheck } from './signature';
import { readTicks, tickConfidence, type TickReading } from './tick-boxes';

/** What pdfjs-dist's `getFieldObjects()` returns, reduced to what is read here. */
export type PdfFieldObjects = Record<string, Array<{ type?: string; value?: unknown }>>;

export interface FormFieldReading {
  value: string;
  source: Extract<FieldSource, 'acroform' | 'ocr'>;
  confidence: number;
  /** Page (1-based) and box in page pixels, for the overlay. */
  page: number;
  box: Box | null;
  /**
   * How a scanned value was written. A `handwritten` one is a suggestion for the clerk, never a
   * value read: it is left out of `identity` and never prefilled. Absent for AcroForm values and ticks.
   */
  writing?: Writing;
}

export interface FormReading {
  source: 'acroform' | 'ocr';
  fields: Partial<Record<FormFieldName, FormFieldReading>>;
  /** The identity on the form, from exact and typed values only. */
  identity: FormIdentity;
  signature: SignatureCheck & { page: number; box: Box };
  /** What the clerk must know about the reading (`profileNotTicked`, `profileTickedSeveral`). */
  warnings: ReadingWarning[];
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
  return formIdentityFromAcroForm(Object.fromEntries(Object.entries(fields).filter(([, v]) => v.writing !== 'handwritten').map(([k, v]) => [k, v.value])));
}

function warning(code: 'profileNotTicked' | 'profileTickedSeveral'): ReadingWarning {
  return { code, message: translate('it', `documentReading.warning.${code}`) };
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
  return { source: 'acroform', fields, identity: identityOf(fields), signature: signatureOf(pages, template), warnings: [] };
}

/** The profile ticked on a scan: a value only when exactly one box is ticked, a warning otherwise. */
export function readProfile(pages: GrayRaster[], template: FormTemplate): { field: FormFieldReading | null; warning: ReadingWarning | null; ticks: TickReading | null } {
  const zones = template.choiceBoxes.tipo_profilo;
  const pageNumber = Object.values(zones ?? {})[0]?.page ?? 1;
  const page = pages[pageNumber - 1];
  if (!zones || !page) return { field: null, warning: null, ticks: null };
  const boxes = Object.fromEntries(Object.entries(zones).map(([option, zone]) => [option, zoneBox(zone, template, page)]));
  const ticks = readTicks(page, boxes);
  if (ticks.ticked.length === 0) return { field: null, warning: warning('profileNotTicked'), ticks };
  if (ticks.ticked.length > 1) return { field: null, warning: warning('profileTickedSeveral'), ticks };
  const [value] = ticks.ticked;
  return { field: { value, source: 'ocr', confidence: tickConfidence(ticks, value), page: pageNumber, box: boxes[value] }, warning: null, ticks };
}

/** A filled field zone of a scanned form, with how it was written. */
export interface FilledZone {
  name: Exclude<FormFieldName, 'tipo_profilo'>;
  page: number;
  box: Box;
  /** Inside the printed frame: what is OCR'd and classified. */
  interior: GrayRaster;
  evidence: WritingEvidence;
  /** The zone's own verdict, or its form's when its letters were too few to tell. */
  writing: Writing;
}

/**
 * Every field zone holding ink, classified typed or handwritten. Zones whose letters were too few
 * to tell (a sex, a province) follow the rest of their form; with nothing to follow they count as
 * handwritten: a suggestion the clerk confirms loses nothing, a wrong prefill could.
 */
export function filledZones(pages: GrayRaster[], template: FormTemplate): FilledZone[] {
  const zones: Array<Omit<FilledZone, 'writing'>> = [];
  for (const name of FORM_FIELD_NAMES) {
    if (name === 'tipo_profilo') continue;
    const zone = template.fields[name];
    const page = pages[zone.page - 1];
    if (!page) continue;
    const box = zoneBox(zone, template, page);
    // Inside the printed frame only: its border would read as `|` or `I`.
    // Vertically only a little: accents on capitals reach the top of the frame.
    const ix = box.height * 0.15;
    const iy = box.height * 0.08;
    const interior = cropBox(page, { x: box.x + ix, y: box.y + iy, width: box.width - 2 * ix, height: box.height - 2 * iy });
    if (inkShare(interior) < EMPTY_ZONE_INK) continue;
    zones.push({ name, page: zone.page, box, interior, evidence: classifyWriting(interior) });
  }
  const decided = zones.map((z) => z.evidence.writing).filter((w): w is Writing => w !== null);
  const typed = decided.filter((w) => w === 'typed').length;
  const fallback: Writing = typed > decided.length - typed ? 'typed' : 'handwritten';
  return zones.map((z) => ({ ...z, writing: z.evidence.writing ?? fallback }));
}

/**
 * A printed form scanned back: OCR of each filled field zone, each classified typed or
 * handwritten, and the profile's tick boxes. Pages must be upright, whole A4 scans in template
 * order. No value is exact: typed ones are for the clerk to check, handwritten ones only suggestions.
 */
export async function readFormByZones(pages: GrayRaster[], template: FormTemplate, ocr: OcrEngine): Promise<FormReading> {
  const fields: FormReading['fields'] = {};
  await Promise.all(
    filledZones(pages, template).map(async ({ name, page, box, interior, writing }) => {
      const result = await ocr.recognize({ image: interior, layout: 'block' });
      const line = result.lines.find((l) => l.text.trim() !== '');
      if (!line) return;
      fields[name] = { value: line.text.trim(), source: 'ocr', confidence: Math.round(line.confidence) / 100, page, box, writing };
    }),
  );
  const profile = readProfile(pages, template);
  if (profile.field) fields.tipo_profilo = profile.field;
  return { source: 'ocr', fields, identity: identityOf(fields), signature: signatureOf(pages, template), warnings: profile.warning ? [profile.warning] : [] };
}
