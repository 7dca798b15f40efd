/**
 * One side of one document, upright: OCR once, re-read the MRZ band with the MRZ alphabet, read
 * the barcode, decide what the side is, and collect every field candidate found on it.
 */
import { readMrz } from '../identity/mrz';
import type { MrzReading } from '../identity/types';
import { fiscalCodeConsistency, parseFiscalCode } from '../identity/fiscal-code';
import { fromLine, type FieldCandidate, type FieldCandidates } from './field-candidate';
import { fiscalCodeInText, fiscalCodesWithOneExtraCharacter, hasValidCheckLetter } from './fiscal-code-text';
import type { BarcodeReader, OcrEngine, OcrLine, OcrPage } from './ocr-engine';
import { cropBox, type Box, type GrayRaster } from './raster';
import { CIE_NUMBER, extractPrintedFields, type SideKind } from './viz-extraction';
import { findCode, nameLine } from './text-patterns';
import { compareNames } from '../identity/names';
import { lineOnPitchGrid } from './mrz-pitch';
import { findMrzBands } from './mrz-band';
import { mrzRank, readMrzZone, type MrzZoneReading } from './mrz-zone-reading';

export interface SideReading {
  kind: SideKind;
  page: OcrPage;
  mrz: MrzReading | null;
  mrzBox: Box | null;
  /** How many independent readings of the MRZ gave exactly its lines (0 when they contradict each other). */
  mrzAgreeing: number;
  /** Printed and barcode values; the MRZ's own values stay in `mrz`. */
  candidates: FieldCandidates;
  /** Barcode and printed codice fiscale both read, and different. */
  fiscalCodeConflicts: Array<{ barcode: string; printed: string }>;
}

function looksLikeMrz(line: OcrLine): boolean {
  const text = line.text.replace(/\s/g, '');
  return (text.match(/</g)?.length ?? 0) >= 3 && text.length >= 20;
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/** The page OCR's own reading of MRZ-like lines, when it needs nothing else. */
function mrzFromPage(raster: GrayRaster, page: OcrPage, today: string): MrzZoneReading | null {
  const mrzLines = page.lines.filter(looksLikeMrz);
  if (mrzLines.length < 2) return null;
  const read = mrzLines.map((l) => lineOnPitchGrid(l) ?? l.text.replace(/\s/g, ''));
  if (!read.every((l) => /^[A-Z0-9<]+$/.test(l))) return null;
  const mrz = readMrz(read, { today });
  if (!mrz?.allChecksValid || mrz.guessed) return null;
  const tight = union(mrzLines.map((l) => l.box));
  return { mrz, agreeing: 1, box: { x: 0, y: tight.y, width: raster.width, height: tight.height } };
}

/**
 * The side's MRZ: the page OCR's lines when the check digits accept them as read; else every zone
 * found by its texture, read line by line, the best by the check digits.
 */
async function readMrzOnSide(raster: GrayRaster, page: OcrPage, ocr: OcrEngine, today: string): Promise<MrzZoneReading | null> {
  const fromPage = mrzFromPage(raster, page, today);
  if (fromPage) return fromPage;
  // The zone is at the foot of a document: read the lowest first.
  const bands = findMrzBands(raster).sort((a, b) => b.box.y - a.box.y);
  let best: MrzZoneReading | null = null;
  for (const band of bands) {
    const zone = await readMrzZone(raster, band, ocr, today);
    if (zone && (!best || mrzRank(zone.mrz) > mrzRank(best.mrz))) best = zone;
    if (best?.mrz.allChecksValid && !best.mrz.guessed) break;
  }
  return best;
}

/**
 * Page layout analysis clips the accents off capital letters now and then (NICOLÒ read NICOLO); the
 * name line alone, with room above it, reads them. The re-read only replaces the value when it is
 * the same name but for accents and apostrophes.
 */
async function rereadNames(raster: GrayRaster, candidates: FieldCandidates, ocr: OcrEngine): Promise<void> {
  await Promise.all(
    (['surname', 'givenNames'] as const).map(async (field) => {
      const candidate = candidates[field];
      if (!candidate?.box || candidate.source !== 'viz') return;
      const b = candidate.box;
      const crop = cropBox(raster, { x: b.x - b.height * 0.5, y: b.y - b.height * 0.6, width: b.width + b.height, height: b.height * 2.2 });
      const page = await ocr.recognize({ image: crop, layout: 'block' });
      const reread = page.lines.length === 1 ? nameLine(page.lines[0].text) : null;
      if (reread && reread !== candidate.value && compareNames(reread, candidate.value) === 'same') {
        candidates[field] = { ...candidate, value: reread, confidence: Math.min(candidate.confidence, page.lines[0].confidence / 100) };
      }
    }),
  );
}

function has(text: string, ...needles: RegExp[]): boolean {
  return needles.some((n) => n.test(text));
}

/**
 * What the side is, from the strongest evidence first: the MRZ's document code and issuing state
 * (a card with an MRZ is never a paper ID), then titles and labels.
 */
export function classifySide(page: OcrPage, mrz: MrzReading | null): SideKind {
  const text = page.lines.map((l) => l.text).join('\n').toUpperCase();
  if (mrz && mrz.documentType !== 'UNKNOWN') {
    if (mrz.documentType === 'PASSPORT') return { documentType: 'PASSPORT', side: 'single' };
    // TD1 cards carry the MRZ on the back; a TD2 card's MRZ is on its only data side.
    return { documentType: mrz.documentType, side: mrz.format === 'TD1' ? 'back' : 'single' };
  }
  if (has(text, /PASSAPORTO|PASSPORT/)) return { documentType: 'PASSPORT', side: 'single' };
  if (has(text, /PATENTE|DRIVING/)) return { documentType: 'DRIVING_LICENCE', side: 'single' };
  if (has(text, /TESSERA\s*SANITARIA|SANITARIA/)) return { documentType: 'HEALTH_CARD', side: 'single' };
  // Other states' cards say IDENTITY CARD too: only an Italian one names the Republic, the comune or the ministry.
  if (has(text, /IDENTITY/) && has(text, /REPUBBLICA|ITALIANA|COMUNE|MINISTERO|CARTA\s*DI\s*IDENTIT/)) return { documentType: 'CIE', side: 'front' };
  if (has(text, /CARTA\s*D.?\s*IDENTIT/)) return { documentType: 'PAPER_ID', side: 'single' };
  if (has(text, /C<ITA/, /CODICE\s*FISCALE\s*\/\s*FISCAL/)) return { documentType: 'CIE', side: 'back' };
  if (page.lines.some((l) => findCode(l.text, CIE_NUMBER) && /REPUBBLICA/.test(l.text.toUpperCase()))) return { documentType: 'CIE', side: 'front' };
  return { documentType: 'UNKNOWN', side: 'single' };
}

/** A repaired code's confidence never reaches that of a code read as printed. */
const REPAIRED_CONFIDENCE = 0.8;

/** The MRZ on the same side vouches for a code: its birth date, sex and name codes agree. */
function confirmedByMrz(code: string, mrz: MrzReading, today: string): boolean {
  if (mrz.valid.birthDate !== true || mrz.valid.sex !== true) return false;
  const { surname, givenNames, birthDate, sex } = mrz.fields;
  const agreement = fiscalCodeConsistency(parseFiscalCode(code, { today }), { surname, givenNames, birthDate, sex, birthPlace: null });
  return agreement.birthDate === 'match' && agreement.sex === 'match' && agreement.surname !== 'mismatch' && agreement.givenNames !== 'mismatch';
}

/**
 * The printed codice fiscale: as read when its check letter holds; else, when OCR added one
 * character to it, the single repair that the check letter and the MRZ on the same side confirm.
 */
function printedFiscalCode(page: OcrPage, mrz: MrzReading | null, today: string): FieldCandidate | undefined {
  const line = page.lines.find((l) => fiscalCodeInText(l.text));
  if (line) return fromLine(fiscalCodeInText(line.text) as string, line);
  if (!mrz) return undefined;
  for (const l of page.lines) {
    const confirmed = fiscalCodesWithOneExtraCharacter(l.text).filter((code) => confirmedByMrz(code, mrz, today));
    if (confirmed.length === 1) return { ...fromLine(confirmed[0], l), confidence: Math.min(REPAIRED_CONFIDENCE, l.confidence / 100) };
  }
  return undefined;
}

export async function readSide(raster: GrayRaster, deps: { ocr: OcrEngine; barcodes: BarcodeReader; today: string }): Promise<SideReading> {
  const [page, barcodes] = await Promise.all([deps.ocr.recognize({ image: raster, layout: 'auto' }), deps.barcodes.readCode39(raster)]);
  const band = await readMrzOnSide(raster, page, deps.ocr, deps.today);
  const kind = classifySide(page, band?.mrz ?? null);
  const candidates = extractPrintedFields(kind, page);
  await rereadNames(raster, candidates, deps.ocr);
  const conflicts: SideReading['fiscalCodeConflicts'] = [];
  if (kind.documentType === 'CIE' || kind.documentType === 'HEALTH_CARD') {
    const printed = printedFiscalCode(page, band?.mrz ?? null, deps.today);
    const barcode = barcodes.find((b) => hasValidCheckLetter(b.text.trim().toUpperCase()));
    const barcodeValue = barcode?.text.trim().toUpperCase();
    candidates.fiscalCode = barcode && barcodeValue ? { value: barcodeValue, source: 'barcode', confidence: 1, box: barcode.box } : printed;
    if (barcodeValue && printed && printed.value !== barcodeValue) conflicts.push({ barcode: barcodeValue, printed: printed.value });
  }
  return { kind, page, mrz: band?.mrz ?? null, mrzBox: band?.box ?? null, mrzAgreeing: band?.agreeing ?? 0, candidates, fiscalCodeConflicts: conflicts };
}
