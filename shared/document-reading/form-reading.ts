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
import { boxOnSource, type Homography } from './homography';
import { registerPage, type PageRegistration } from './form-registration';
import { cleanZoneText, CONFIRMED_MIN_CONFIDENCE, confirmedFields, CONSTRAINED_CONFIDENCE, MIN_TYPED_CONFIDENCE, SINGLE_READING_CONFIDENCE, UNCONFIRMED_MAX_CONFIDENCE, zoneCharacters, zoneValue } from './form-values';
import { cropBox, warpToUpright, type Box, type GrayRaster } from './raster';
import { checkSignature, type SignatureCheck } from './signature';
import { readTicks, tickConfidence, ticksFromInk, type TickReading } from './tick-boxes';

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
/** Pixels per template point of the upright zone crops OCR reads (450 dpi: 10 pt capitals about 45 px tall, where tesseract reads best). */
const CROP_SCALE = 450 / 72;
/** Template points read around each frame: registration is good to a fraction of this. */
const ZONE_PAD = 4;
/** How far (template points) a frame line may lie from where registration puts it. */
const FRAME_SEARCH = 1.5;
/** Kept clear inside a frame line's centre: half its 0.8 pt width, blur and JPEG ringing. */
const FRAME_CLEARANCE = 1.3;

/** The axis-aligned box on the page that a template zone covers, for the overlay. */
function zoneBox(zone: TemplateZone, template: FormTemplate, page: GrayRaster, registration?: PageRegistration): Box {
  if (registration) return boxOnSource(zone, registration.toPage);
  const scale = page.width / template.pageSize.width;
  return { x: zone.x * scale, y: zone.y * scale, width: zone.width * scale, height: zone.height * scale };
}

/** A zone of the registered page cut out upright at `CROP_SCALE`, `pad` template points around it. */
function uprightZone(page: GrayRaster, registration: PageRegistration, zone: TemplateZone, pad: number): GrayRaster {
  const crop: Homography = [1 / CROP_SCALE, 0, zone.x - pad, 0, 1 / CROP_SCALE, zone.y - pad, 0, 0, 1];
  const m = registration.toPage;
  const toSource = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => m[r * 3] * crop[c] + m[r * 3 + 1] * crop[3 + c] + m[r * 3 + 2] * crop[6 + c]));
  return warpToUpright(page, toSource, Math.round((zone.width + 2 * pad) * CROP_SCALE), Math.round((zone.height + 2 * pad) * CROP_SCALE));
}

/** Row (or column) of the darkest line within `FRAME_SEARCH` of `expected`, over the middle of the crop. */
function frameLine(crop: GrayRaster, horizontal: boolean, expected: number): number {
  const reach = Math.round(FRAME_SEARCH * CROP_SCALE);
  const along = horizontal ? crop.width : crop.height;
  const from = Math.round(along * 0.15);
  const to = Math.round(along * 0.85);
  let best = expected;
  let darkest = Infinity;
  for (let d = -reach; d <= reach; d += 1) {
    const line = Math.round(expected) + d;
    if (line < 0 || line >= (horizontal ? crop.height : crop.width)) continue;
    let sum = 0;
    for (let b = from; b < to; b += 1) sum += crop.data[horizontal ? line * crop.width + b : b * crop.width + line];
    if (sum < darkest) {
      darkest = sum;
      best = line;
    }
  }
  return best;
}

/**
 * The text inside a field's frame: the frame's own lines are found on the crop and left out, then
 * the crop is cut to the ink (the text line) with a white margin. Null when the zone is empty.
 */
function zoneText(crop: GrayRaster, zone: TemplateZone, pad: number): GrayRaster | null {
  const top = frameLine(crop, true, pad * CROP_SCALE);
  const bottom = frameLine(crop, true, (pad + zone.height) * CROP_SCALE);
  const left = frameLine(crop, false, pad * CROP_SCALE);
  const right = frameLine(crop, false, (pad + zone.width) * CROP_SCALE);
  const clear = FRAME_CLEARANCE * CROP_SCALE;
  const interior = cropBox(crop, { x: left + clear, y: top + clear, width: right - left - 2 * clear, height: bottom - top - 2 * clear });
  const { width, height, data } = interior;
  const sorted = Uint8Array.from(data).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)];
  const dark = sorted[Math.floor(sorted.length * 0.002)];
  // Ink is well darker than the paper; scanner grain and JPEG blocks are not.
  if (paper - dark < 60) return null;
  const level = (paper + dark) / 2;
  let ink = 0;
  const rows = new Uint32Array(height);
  const columns = new Uint32Array(width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (data[y * width + x] >= level) continue;
      ink += 1;
      rows[y] += 1;
      columns[x] += 1;
    }
  }
  if (ink / data.length < EMPTY_ZONE_INK) return null;
  const span = (counts: Uint32Array, min: number) => {
    let first = counts.findIndex((c) => c >= min);
    let last = counts.length - 1;
    while (last > first && counts[last] < min) last -= 1;
    if (first < 0) first = 0;
    return [first, last];
  };
  const [y0, y1] = span(rows, 2);
  const [x0, x1] = span(columns, 2);
  const margin = Math.round(CROP_SCALE * 1.5);
  const text = cropBox(interior, { x: x0 - margin, y: y0 - margin, width: x1 - x0 + 2 * margin, height: y1 - y0 + 2 * margin });
  // tesseract reads best with white all round the line.
  const border = Math.round(CROP_SCALE * 2);
  const out = { width: text.width + 2 * border, height: text.height + 2 * border, data: new Uint8Array((text.width + 2 * border) * (text.height + 2 * border)).fill(paper) };
  for (let y = 0; y < text.height; y += 1) out.data.set(text.data.subarray(y * text.width, (y + 1) * text.width), (y + border) * out.width + border);
  return out;
}

/** One OCR pass over a zone's text line: its text and tesseract's confidence (the least of its lines), or null when nothing was read. */
async function readZone(image: GrayRaster, ocr: OcrEngine, whitelist?: string): Promise<{ text: string; confidence: number } | null> {
  const result = await ocr.recognize({ image, layout: 'block', whitelist });
  const lines = result.lines.filter((l) => l.text.trim() !== '');
  if (lines.length === 0) return null;
  return { text: lines.map((l) => l.text).join(' '), confidence: Math.min(...lines.map((l) => l.confidence)) / 100 };
}

/** The field's value in one image of the zone: read once, and once more with only the field's characters when the text had not the field's shape. */
async function shapedValue(name: FilledZone['name'], image: GrayRaster, ocr: OcrEngine): Promise<{ value: string; confidence: number } | null> {
  const first = await readZone(image, ocr);
  const value = first ? zoneValue(name, first.text) : null;
  if (first && value) return { value, confidence: first.confidence };
  const characters = zoneCharacters(name);
  const second = characters ? await readZone(image, ocr, characters) : null;
  const constrained = second ? zoneValue(name, second.text) : null;
  return constrained ? { value: constrained, confidence: CONSTRAINED_CONFIDENCE } : null;
}

/**
 * A typed zone read twice, at 450 and at 300 dpi: tesseract's slips (a space inside a name, `l`
 * for `1`, a letter added) rarely repeat at another scale. Two readings that disagree are no
 * value; one alone is kept as doubtful.
 */
async function typedValue(zone: FilledZone, ocr: OcrEngine): Promise<{ value: string; confidence: number } | null> {
  const smaller = warpToUpright(zone.interior, [1.5, 0, 0, 0, 1.5, 0, 0, 0, 1], Math.round(zone.interior.width / 1.5), Math.round(zone.interior.height / 1.5));
  const [a, b] = await Promise.all([shapedValue(zone.name, zone.interior, ocr), shapedValue(zone.name, smaller, ocr)]);
  if (a && b) return a.value === b.value ? { value: a.value, confidence: Math.max(a.confidence, b.confidence) } : null;
  const one = a ?? b;
  return one ? { value: one.value, confidence: Math.min(one.confidence, SINGLE_READING_CONFIDENCE) } : null;
}

/** Registers every scanned page to its page of the template (page order as scanned). */
export function registerForm(pages: GrayRaster[], template: FormTemplate): Array<PageRegistration | null> {
  return pages.slice(0, template.pages).map((page, index) => registerPage(page, template, index + 1));
}

function signatureOf(pages: GrayRaster[], template: FormTemplate, registrations?: Array<PageRegistration | null>): FormReading['signature'] {
  const page = pages[template.signature.page - 1];
  const registration = registrations?.[template.signature.page - 1];
  // An unregistered page has no known signature box: not signed, and the page's warning says why.
  if (!page || registration === null) return { signed: false, inkRatio: 0, page: template.signature.page, box: { x: 0, y: 0, width: 0, height: 0 } };
  const box = zoneBox(template.signature, template, page, registration);
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

/**
 * The profile ticked on a registered scan: a value only when exactly one box is ticked, a warning
 * otherwise. Each box is cut out upright from the registered page and read there.
 */
export function readProfile(pages: GrayRaster[], template: FormTemplate, registrations = registerForm(pages, template)): { field: FormFieldReading | null; warning: ReadingWarning | null; ticks: TickReading | null } {
  const zones = template.choiceBoxes.tipo_profilo;
  const pageNumber = Object.values(zones ?? {})[0]?.page ?? 1;
  const page = pages[pageNumber - 1];
  const registration = registrations[pageNumber - 1];
  if (!zones || !page || !registration) return { field: null, warning: null, ticks: null };
  const inkRatios: Record<string, number> = {};
  for (const [option, zone] of Object.entries(zones)) {
    const crop = uprightZone(page, registration, zone, 0);
    inkRatios[option] = readTicks(crop, { [option]: { x: 0, y: 0, width: crop.width, height: crop.height } }).inkRatios[option];
  }
  const ticks = ticksFromInk(inkRatios);
  const boxes = Object.fromEntries(Object.entries(zones).map(([option, zone]) => [option, zoneBox(zone, template, page, registration)]));
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
  /** The text line inside the printed frame, upright at 300 dpi: what is OCR'd and classified. */
  interior: GrayRaster;
  evidence: WritingEvidence;
  /** The zone's own verdict, or its form's when its letters were too few to tell. */
  writing: Writing;
}

/**
 * Every field zone holding ink on a registered page, classified typed or handwritten. Zones whose
 * letters did not tell (a sex, a province; lower case and digits, whose tops lie on more lines than
 * two) follow the zones of their form that did; with nothing to
 * follow they count as handwritten: a suggestion the clerk confirms loses nothing, a wrong prefill
 * could. Zones of pages that could not be registered are not read at all.
 */
export function filledZones(pages: GrayRaster[], template: FormTemplate, registrations = registerForm(pages, template)): FilledZone[] {
  const zones: Array<Omit<FilledZone, 'writing'>> = [];
  for (const name of FORM_FIELD_NAMES) {
    if (name === 'tipo_profilo') continue;
    const zone = template.fields[name];
    const page = pages[zone.page - 1];
    const registration = registrations[zone.page - 1];
    if (!page || !registration) continue;
    const interior = zoneText(uprightZone(page, registration, zone, ZONE_PAD), zone, ZONE_PAD);
    if (!interior) continue;
    zones.push({ name, page: zone.page, box: zoneBox(zone, template, page, registration), interior, evidence: classifyWriting(interior) });
  }
  const decided = zones.map((z) => z.evidence.writing).filter((w): w is Writing => w !== null);
  const typed = decided.filter((w) => w === 'typed').length;
  const fallback: Writing = typed > decided.length - typed ? 'typed' : 'handwritten';
  return zones.map((z) => ({ ...z, writing: z.evidence.writing ?? fallback }));
}

/**
 * A printed form scanned back: each page registered to the template, then OCR of each filled
 * field zone, each classified typed or handwritten, and the profile's tick boxes. Pages must be in
 * template order; a page that does not register (blank, another document, cut off) gives no
 * values and a warning. A typed value is kept only when it has its field's shape (read again with
 * the field's characters only when it had not) and, unless confirmed, when tesseract was not in
 * doubt; it is confirmed (confidence 0.9–0.99) only when something on the form could refute it,
 * and the rest stay at most `UNCONFIRMED_MAX_CONFIDENCE` for the clerk to check. Handwritten
 * values are suggestions.
 */
export async function readFormByZones(pages: GrayRaster[], template: FormTemplate, ocr: OcrEngine): Promise<FormReading> {
  const registrations = registerForm(pages, template);
  const warnings: ReadingWarning[] = [];
  // One warning however many pages: the form step shows each code once.
  if (registrations.some((r) => r === null)) warnings.push({ code: 'formNotRegistered', message: translate('it', 'documentReading.warning.formNotRegistered') });
  const read: Array<{ zone: FilledZone; value: string; confidence: number }> = [];
  await Promise.all(
    filledZones(pages, template, registrations).map(async (zone) => {
      if (zone.writing === 'handwritten') {
        // Only a suggestion: kept even without the field's shape, for the clerk to judge.
        const reading = await readZone(zone.interior, ocr);
        if (reading) read.push({ zone, value: zoneValue(zone.name, reading.text) ?? cleanZoneText(reading.text), confidence: reading.confidence });
        return;
      }
      const value = await typedValue(zone, ocr);
      if (value) read.push({ zone, ...value });
    }),
  );
  const typedValues = Object.fromEntries(read.filter((r) => r.zone.writing === 'typed').map((r) => [r.zone.name, r.value]));
  const confirmed = confirmedFields(typedValues);
  const fields: FormReading['fields'] = {};
  for (const { zone, value, confidence } of read) {
    const sure = zone.writing === 'typed' && confirmed.has(zone.name);
    if (zone.writing === 'typed' && !sure && confidence < MIN_TYPED_CONFIDENCE) continue;
    const shown = sure ? Math.max(CONFIRMED_MIN_CONFIDENCE, Math.min(0.99, confidence)) : Math.min(UNCONFIRMED_MAX_CONFIDENCE, confidence);
    fields[zone.name] = { value, source: 'ocr', confidence: Math.round(shown * 100) / 100, page: zone.page, box: zone.box, writing: zone.writing };
  }
  const profile = readProfile(pages, template, registrations);
  if (profile.field) fields.tipo_profilo = profile.field;
  if (profile.warning) warnings.push(profile.warning);
  return { source: 'ocr', fields, identity: identityOf(fields), signature: signatureOf(pages, template, registrations), warnings };
}
