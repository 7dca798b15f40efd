/**
 * Reads one ID document from its images (either side first, both sides on one page, a card on a
 * flatbed A4): locate → upright → read each side → merge. The MRZ wins where its check digits
 * hold, the barcode wins for the codice fiscale, printed text fills the rest; every field keeps its
 * source, a confidence and its box on the image it came from.
 */
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-it';
import { compareNames } from '../identity/names';
import { ID_DOCUMENT_FIELDS, type DocumentSide, type DocumentType, type IdDocumentField, type IdDocumentFields, type IdDocumentReading, type ReadingWarning } from '../identity/types';
import { locateDocuments, uprightDocument } from './document-locator';
import type { FieldCandidate } from './field-candidate';
import type { BarcodeReader, OcrEngine } from './ocr-engine';
import { boxOnSource, type Homography } from './homography';
import type { Box, GrayRaster } from './raster';
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
const TYPE_PRIORITY: DocumentType[] = ['CIE', 'PASSPORT', 'DRIVING_LICENCE', 'PAPER_ID', 'HEALTH_CARD'];

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

export async function readIdDocument(images: GrayRaster[], deps: DocumentReadingDeps): Promise<DocumentReadingResult> {
  const jobs = images.flatMap((image, imageIndex) =>
    locateDocuments(image).map(async (located): Promise<PlacedSide> => {
      const { raster, toSource } = uprightDocument(image, located);
      return { ...(await readSide(raster, deps)), imageIndex, toSource };
    }),
  );
  const sides = await Promise.all(jobs);
  return mergeSides(sides);
}

export function mergeSides(sides: PlacedSide[]): DocumentReadingResult {
  const warnings: ReadingWarning[] = [];
  const documentType = TYPE_PRIORITY.find((t) => sides.some((s) => s.kind.documentType === t)) ?? 'UNKNOWN';
  const ours = sides.filter((s) => s.kind.documentType === documentType);
  if (sides.some((s) => s.kind.documentType !== documentType && s.kind.documentType !== 'UNKNOWN')) warnings.push(warning('documentReading.warning.mixedDocuments', { type: documentType }));

  const fields = emptyFields();
  const reading: IdDocumentReading = { documentType, fields, fieldSources: {}, confidence: {}, sidesSeen: [], warnings };
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

  for (const conflict of ours.flatMap((s) => s.fiscalCodeConflicts)) warnings.push(warning('documentReading.warning.fiscalCodeConflict', conflict));

  const mrzSide = ours.find((s) => s.mrz);
  const mrz = mrzSide?.mrz ?? null;
  if (mrzSide && mrz) {
    for (const field of ID_DOCUMENT_FIELDS) {
      const value = mrz.fields[field];
      if (value === null || mrz.valid[field] === false) continue;
      const printed = fields[field];
      const isName = field === 'surname' || field === 'givenNames';
      if (isName) {
        const relation = printed === null ? 'different' : compareNames(printed, value, { bMayBeTruncated: mrz.truncatedName });
        if (relation === 'same' || relation === 'mrz-truncation') {
          // The printed spelling keeps accents and apostrophes; the MRZ confirms it letter by letter.
          reading.confidence[field] = 1;
          continue;
        }
        if (printed === null && mrz.truncatedName) {
          warnings.push(warning('documentReading.warning.mrzNameTruncated'));
          continue;
        }
      }
      if (printed !== null && printed !== value && !isName) {
        warnings.push(warning('documentReading.warning.printedDiffersFromMrz', { field: FIELD_LABELS[field], printed, mrz: value }));
      } else if (printed !== null && isName) {
        warnings.push(warning('documentReading.warning.printedDiffersFromMrz', { field: FIELD_LABELS[field], printed, mrz: value }));
      }
      set(field, { value, source: 'mrz', confidence: mrz.valid[field] ? 1 : 0.6, box: mrzSide.mrzBox }, mrzSide);
    }
  }
  if (documentType === 'CIE' || documentType === 'PASSPORT') {
    if (!mrz || !mrz.allChecksValid) warnings.push(warning('documentReading.warning.mrzUnreadable'));
  }

  const seen = new Set<DocumentSide>();
  for (const side of ours) {
    if (side.kind.side === 'front' || side.kind.side === 'back') seen.add(side.kind.side);
    else seen.add('front');
  }
  reading.sidesSeen = [...seen];
  if (documentType === 'CIE') {
    for (const side of ['front', 'back'] as const) {
      if (!seen.has(side)) warnings.push(warning('documentReading.warning.sideMissing', { side: translate('it', `documentReading.side.${side}`) }));
    }
  }
  if (documentType === 'UNKNOWN' || ID_DOCUMENT_FIELDS.every((f) => fields[f] === null)) {
    reading.documentType = 'UNKNOWN';
    warnings.push(warning('documentReading.warning.unreadable'));
  }
  return { reading, evidence };
}

const SOURCE_RANK: Record<string, number> = { barcode: 3, acroform: 3, mrz: 2, viz: 1, ocr: 0 };

function rank(candidate: FieldCandidate): number {
  return SOURCE_RANK[candidate.source] * 10 + candidate.confidence;
}
