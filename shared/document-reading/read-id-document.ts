/**
 * Reads one ID document from its images (either side first, both sides on one page, a card on a
 * flatbed A4): locate → upright → read each side → merge. The MRZ wins where its check digits
 * hold, the barcode wins for the codice fiscale, printed text fills the rest; every field keeps its
 * source, a confidence and its box on the image it came from.
 */
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-it';
import { compareNames } from '../identity/names';
import { fiscalCodeConsistency, parseFiscalCode, resolveBirthPlaces, type BelfiorePlaces } from '../identity/fiscal-code';
import { ID_DOCUMENT_FIELDS, type Confirmation, type DocumentSide, type DocumentType, type IdDocumentField, type IdDocumentFields, type IdDocumentReading, type ReadingWarning } from '../identity/types';
import { locateDocuments, uprightDocument, type LocatedDocument } from './document-locator';
import { documentsAroundMrz } from './mrz-located-documents';
import type { FieldCandidate } from './field-candidate';
import type { BarcodeReader, OcrEngine } from './ocr-engine';
import { boxOnSource, composeHomographies, rectToSource, type Homography } from './homography';
import { findMrzBands } from './mrz-band';
import { validFieldCount } from './mrz-zone-reading';
import { extractOriented, type Box, type GrayRaster } from './raster';
import { readSide, type SideReading } from './side-reading';

export interface DocumentReadingDeps {
  ocr: OcrEngine;
  barcodes: BarcodeReader;
  /** YYYY-MM-DD: places two-digit MRZ years. */
  today: string;
}

/** Where a field's value is on the input images (index into the images given). */
export interface FieldEvidence {
  imageIndex: number;
  box: Box | null;
}

export interface DocumentReadingResult {
  reading: IdDocumentReading;
  evidence: Partial<Record<IdDocumentField, FieldEvidence>>;
}

interface PlacedSide extends SideReading {
  imageIndex: number;
  /** From the upright side's pixels to its image's. */
  toSource: Homography;
}

/** Identity documents first: a health card only counts when it is all there is. */
const TYPE_PRIORITY: DocumentType[] = ['CIE', 'PASSPORT', 'FOREIGN_ID', 'DRIVING_LICENCE', 'PAPER_ID', 'HEALTH_CARD'];

const FIELD_LABELS: Record<IdDocumentField, string> = {
  surname: 'cognome',
  givenNames: 'nome',
  sex: 'sesso',
  birthDate: 'data di nascita',
  birthPlace: 'luogo di nascita',
  fiscalCode: 'codice fiscale',
  documentNumber: 'numero del documento',
  issueDate: 'data di rilascio',
  expiryDate: 'data di scadenza',
  nationality: 'cittadinanza',
};

function warning(key: MessageKey, params: Record<string, string> = {}): ReadingWarning {
  return { code: key.replace('documentReading.warning.', ''), message: translate('it', key, params) };
}

function emptyFields(): IdDocumentFields {
  return { surname: null, givenNames: null, sex: null, birthDate: null, birthPlace: null, fiscalCode: null, documentNumber: null, issueDate: null, expiryDate: null, nationality: null };
}

async function readLocated(image: GrayRaster, imageIndex: number, located: LocatedDocument, deps: DocumentReadingDeps): Promise<PlacedSide> {
  const { raster, toSource } = uprightDocument(image, located);
  const side = await readSide(raster, deps);
  // Read by a whole MRZ, or a document that has none: no need to turn it.
  const carriesMrz = side.kind.documentType === 'PASSPORT' || side.kind.documentType === 'UNKNOWN' || side.kind.side === 'back';
  const settled = side.mrz?.allChecksValid || (!side.mrz && !carriesMrz);
  const turned = settled ? null : await readQuarterTurned(raster, deps, validMrzFields(side));
  return turned ? { ...turned.side, imageIndex, toSource: composeHomographies(toSource, turned.toUpright) } : { ...side, imageIndex, toSource };
}

export async function readIdDocument(images: GrayRaster[], deps: DocumentReadingDeps): Promise<DocumentReadingResult> {
  const located = images.map((image) => locateDocuments(image));
  const sides = await Promise.all(images.flatMap((image, i) => located[i].map((l) => readLocated(image, i, l, deps))));
  // No MRZ read: one may be on a card the locator missed. Only then is every page searched for one.
  if (!sides.some((s) => s.mrz?.allChecksValid)) {
    const more = images.flatMap((image, i) => documentsAroundMrz(image, located[i]).map((l) => readLocated(image, i, l, deps)));
    sides.push(...(await Promise.all(more)));
  }
  const merged = mergeSides(sides);
  const code = merged.reading.fields.fiscalCode;
  const places = code && merged.reading.confirmedBy?.fiscalCode ? await resolveBirthPlaces([code], deps.today) : null;
  confirmByFiscalCode(merged, places, deps.today);
  return merged;
}

function validMrzFields(side: SideReading): number {
  return side.mrz ? validFieldCount(side.mrz) : 0;
}

/**
 * The locator straightens a card to the nearest quarter turn it cannot tell from the right one: a
 * side recognised as nothing, or whose MRZ did not read whole, is looked at a quarter turn either
 * way, and the turned reading kept only when its MRZ gives more (a half turn is the MRZ reader's
 * own business).
 */

async function readQuarterTurned(raster: GrayRaster, deps: DocumentReadingDeps, asRead: number): Promise<{ side: SideReading; toUpright: Homography } | null> {
  for (const angle of [Math.PI / 2, -Math.PI / 2]) {
    const rect = { cx: raster.width / 2, cy: raster.height / 2, width: raster.height, height: raster.width, angle };
    const turned = extractOriented(raster, rect, 1);
    if (findMrzBands(turned).length === 0) continue;
    const side = await readSide(turned, deps);
    if (side.mrz && validMrzFields(side) > asRead) return { side, toUpright: rectToSource(rect, 1) };
  }
  return null;
}

/** A confirmed value: something could have refuted it and did not. */
const CONFIRMED_CONFIDENCE = 1;
/** Nothing could refute the value: it is shown to be checked, and never reaches the confident range. */
export const UNCONFIRMED_CONFIDENCE_CAP = 0.85;

export function mergeSides(sides: PlacedSide[]): DocumentReadingResult {
  const warnings: ReadingWarning[] = [];
  // An MRZ read with its check digits says what the document is better than any printed title.
  const byMrz = sides.find((s) => s.mrz?.allChecksValid && s.kind.documentType === s.mrz.documentType)?.kind.documentType;
  const documentType = byMrz ?? TYPE_PRIORITY.find((t) => sides.some((s) => s.kind.documentType === t)) ?? 'UNKNOWN';
  // A foreign card's front has no MRZ and no Italian labels: the other card side beside its MRZ side is its front.
  const ours = sides.filter((s) => s.kind.documentType === documentType || (documentType === 'FOREIGN_ID' && s.kind.documentType === 'UNKNOWN'));
  if (sides.some((s) => s.kind.documentType !== documentType && s.kind.documentType !== 'UNKNOWN')) warnings.push(warning('documentReading.warning.mixedDocuments', { type: documentType }));

  const fields = emptyFields();
  const confirmedBy: Partial<Record<IdDocumentField, Confirmation>> = {};
  const reading: IdDocumentReading = { documentType, fields, fieldSources: {}, confidence: {}, confirmedBy, sidesSeen: [], warnings };
  const evidence: DocumentReadingResult['evidence'] = {};
  const set = (field: IdDocumentField, candidate: FieldCandidate, side: PlacedSide) => {
    (fields as unknown as Record<string, string>)[field] = candidate.value;
    reading.fieldSources[field] = candidate.source;
    reading.confidence[field] = Math.round(candidate.confidence * 100) / 100;
    evidence[field] = { imageIndex: side.imageIndex, box: candidate.box ? boxOnSource(candidate.box, side.toSource) : null };
  };

  // Printed values and barcodes first, the most confident per field.
  for (const field of ID_DOCUMENT_FIELDS) {
    let best: { candidate: FieldCandidate; side: PlacedSide } | null = null;
    for (const side of ours) {
      const candidate = side.candidates[field];
      if (candidate && (!best || rank(candidate) > rank(best.candidate))) best = { candidate, side };
    }
    if (best) set(field, best.candidate, best.side);
  }
  // A codice fiscale is only taken when its check character holds (side-reading), which can refute it.
  if (fields.fiscalCode !== null) confirmedBy.fiscalCode = 'check-digits';

  for (const conflict of ours.flatMap((s) => s.fiscalCodeConflicts)) warnings.push(warning('documentReading.warning.fiscalCodeConflict', conflict));

  const mrzSide = ours.find((s) => s.mrz);
  const mrz = mrzSide?.mrz ?? null;
  if (mrzSide && mrz) {
    // One check digit passes one wrong reading in ten; with the composite digit holding too, and
    // no character chosen by the digits (or the same lines read twice), the MRZ confirms its values.
    const strong = mrz.allChecksValid && (!mrz.guessed || mrzSide.mrzAgreeing >= 2);
    for (const field of ID_DOCUMENT_FIELDS) {
      const value = mrz.fields[field];
      if (value === null || mrz.valid[field] === false) continue;
      const printed = fields[field];
      const isName = field === 'surname' || field === 'givenNames';
      if (isName) {
        const relation = printed === null ? 'different' : compareNames(printed, value, { bMayBeTruncated: mrz.truncatedName });
        if (relation === 'same' || relation === 'mrz-truncation') {
          // The printed spelling keeps accents and apostrophes; the MRZ confirms it letter by letter.
          confirmedBy[field] = 'two-sources';
          continue;
        }
        if (printed === null && mrz.truncatedName) {
          warnings.push(warning('documentReading.warning.mrzNameTruncated'));
          continue;
        }
      }
      if (printed !== null && printed === value) {
        confirmedBy[field] = 'two-sources';
        set(field, { value, source: 'mrz', confidence: 1, box: mrzSide.mrzBox }, mrzSide);
        continue;
      }
      if (printed !== null) warnings.push(warning('documentReading.warning.printedDiffersFromMrz', { field: FIELD_LABELS[field], printed, mrz: value }));
      if (field === 'documentNumber' && printedSomewhere(ours, value)) {
        // The number printed on the page, read without the MRZ's alphabet, is a second source.
        confirmedBy[field] = 'two-sources';
        set(field, { value, source: 'mrz', confidence: 1, box: mrzSide.mrzBox }, mrzSide);
        continue;
      }
      const checked = CHECK_DIGIT_FIELDS.has(field) && strong && !(field === 'birthDate' && mrz.birthCenturyInferred) && !(field === 'documentNumber' && mrz.documentNumberAmbiguous);
      if (checked) confirmedBy[field] = 'check-digits';
      else delete confirmedBy[field];
      set(field, { value, source: 'mrz', confidence: checked ? 1 : UNCONFIRMED_CONFIDENCE_CAP, box: mrzSide.mrzBox }, mrzSide);
    }
  }
  if (documentType === 'CIE' || documentType === 'PASSPORT' || documentType === 'FOREIGN_ID') {
    if (!mrz || !mrz.allChecksValid) warnings.push(warning('documentReading.warning.mrzUnreadable'));
  }

  const seen = new Set<DocumentSide>();
  for (const side of ours) {
    if (side.kind.side === 'front' || side.kind.side === 'back') seen.add(side.kind.side);
    else seen.add('front');
  }
  reading.sidesSeen = [...seen];
  if (documentType === 'CIE' || documentType === 'FOREIGN_ID') {
    for (const side of ['front', 'back'] as const) {
      if (!seen.has(side) && (documentType === 'CIE' || mrz?.format === 'TD1')) warnings.push(warning('documentReading.warning.sideMissing', { side: translate('it', `documentReading.side.${side}`) }));
    }
  }
  if (documentType === 'UNKNOWN' || ID_DOCUMENT_FIELDS.every((f) => fields[f] === null)) {
    reading.documentType = 'UNKNOWN';
    warnings.push(warning('documentReading.warning.unreadable'));
  }
  capUnconfirmed(reading);
  return { reading, evidence };
}

/** Whether a side's printed text holds the value as a word of its own (spaces OCR put inside it ignored). */
function printedSomewhere(sides: PlacedSide[], value: string): boolean {
  // The MRZ's own lines, as the page OCR saw them, are not a second source.
  const printedLine = (text: string) => !/[<«]|KKK/.test(text.toUpperCase());
  return sides.some((s) => s.page.lines.some((l) => printedLine(l.text) && l.text.toUpperCase().split(/[^A-Z0-9 ]+/).some((part) => part.replace(/\s+/g, '') === value || part.split(/\s+/).includes(value))));
}

/** Fields an MRZ check digit covers (names, sex and nationality have none). */
const CHECK_DIGIT_FIELDS = new Set<IdDocumentField>(['documentNumber', 'birthDate', 'expiryDate']);

const FISCAL_CODE_PARTS = ['surname', 'givenNames', 'birthDate', 'sex', 'birthPlace'] as const;

/**
 * The codice fiscale encodes surname and name consonants, birth date, sex and place: a value it
 * agrees with is confirmed, a value it excludes is dropped with a warning naming both, unless the
 * value is confirmed otherwise (then the code is what is wrong, and it loses its confirmation).
 */
export function confirmByFiscalCode(result: DocumentReadingResult, places: BelfiorePlaces | null, today: string): void {
  const { reading } = result;
  const confirmedBy = (reading.confirmedBy ??= {});
  const code = reading.fields.fiscalCode;
  if (!code || !confirmedBy.fiscalCode) return;
  const cf = parseFiscalCode(code, { today, places });
  const consistency = fiscalCodeConsistency(cf, { ...reading.fields, birthPlace: places ? reading.fields.birthPlace : null });
  let refuted = false;
  for (const part of FISCAL_CODE_PARTS) {
    const value = reading.fields[part];
    if (value === null) continue;
    if (consistency[part] === 'match') {
      confirmedBy[part] ??= 'fiscal-code';
    } else if (consistency[part] === 'mismatch') {
      if (confirmedBy[part] === 'check-digits' || confirmedBy[part] === 'two-sources') {
        refuted = true;
        reading.warnings.push(warning('documentReading.warning.fiscalCodeRefuted', { field: FIELD_LABELS[part], value, code }));
        continue;
      }
      reading.warnings.push(warning('documentReading.warning.refutedByFiscalCode', { field: FIELD_LABELS[part], value, code }));
      (reading.fields as unknown as Record<string, string | null>)[part] = null;
      delete reading.fieldSources[part];
      delete reading.confidence[part];
      delete confirmedBy[part];
      delete result.evidence[part];
    }
  }
  if (refuted) delete confirmedBy.fiscalCode;
  capUnconfirmed(reading);
}

function capUnconfirmed(reading: IdDocumentReading): void {
  for (const field of ID_DOCUMENT_FIELDS) {
    if (reading.fields[field] === null) continue;
    const confidence = reading.confidence[field] ?? 0;
    reading.confidence[field] = reading.confirmedBy?.[field] ? CONFIRMED_CONFIDENCE : Math.min(confidence, UNCONFIRMED_CONFIDENCE_CAP);
  }
}

const SOURCE_RANK: Record<string, number> = { barcode: 3, acroform: 3, mrz: 2, viz: 1, ocr: 0 };

function rank(candidate: FieldCandidate): number {
  return SOURCE_RANK[candidate.source] * 10 + candidate.confidence;
}
