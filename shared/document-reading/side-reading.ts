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

export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface SideReading {
  kind: SideKind;
  page: OcrPage;
  mrz: MrzReading | null;
  mrzBox: Box | null;
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

async function readMrzBand(raster: GrayRaster, page: OcrPage, ocr: OcrEngine, today: string): Promise<{ mrz: MrzReading; box: Box } | null> {
  const mrzLines = page.lines.filter(looksLikeMrz);
  if (mrzLines.length < 2) return null;
  const tight = union(mrzLines.map((l) => l.box));
  const lineHeight = tight.height / mrzLines.length;
  // The whole width: OCR may have cut the first or last characters off the line boxes.
  const band: Box = { x: 0, y: Math.max(0, tight.y - lineHeight * 0.6), width: raster.width, height: tight.height + lineHeight * 1.2 };
  // The page OCR often reads the MRZ well enough already: when every check digit holds and the
  // lines hold nothing outside the MRZ alphabet, a second, restricted read would add nothing.
  const firstRead = mrzLines.map((l) => lineOnPitchGrid(l) ?? l.text.replace(/\s/g, ''));
  const first = firstRead.every((l) => /^[A-Z0-9<]+$/.test(l)) ? readMrz(firstRead, { today }) : null;
  if (first?.allChecksValid && first.repair !== 'repaired') return { mrz: first, box: band };
  const bandPage = await ocr.recognize({ image: cropBox(raster, band), layout: 'block', whitelist: MRZ_ALPHABET });
  const bandLines = bandPage.lines.filter((l) => l.text.replace(/\s/g, '').length >= 20);
  const attempts = [
    bandLines.map((l) => lineOnPitchGrid(l) ?? l.text.replace(/\s/g, '')),
    bandLines.map((l) => l.text.replace(/\s/g, '')),
    mrzLines.map((l) => l.text.replace(/\s/g, '')),
  ];
  let best: MrzReading | null = null;
  for (const lines of attempts) {
    const mrz = readMrz(lines, { today });
    if (mrz && (!best || validCount(mrz) > validCount(best))) best = mrz;
    if (best?.allChecksValid) break;
  }
  return best ? { mrz: best, box: band } : null;
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

function validCount(mrz: MrzReading): number {
  return Object.values(mrz.valid).filter(Boolean).length;
}

function has(text: string, ...needles: RegExp[]): boolean {
  return needles.some((n) => n.test(text));
}

export function classifySide(page: OcrPage, mrz: MrzReading | null): SideKind {
  const text = page.lines.map((l) => l.text).join('\n').toUpperCase();
  if (mrz?.format === 'TD1') return { documentType: 'CIE', side: 'back' };
  if (mrz?.format === 'TD3' || has(text, /PASSAPORTO|PASSPORT/)) return { documentType: 'PASSPORT', side: 'single' };
  if (has(text, /PATENTE|DRIVING/)) return { documentType: 'DRIVING_LICENCE', side: 'single' };
  if (has(text, /TESSERA\s*SANITARIA|SANITARIA/)) return { documentType: 'HEALTH_CARD', side: 'single' };
  if (has(text, /IDENTITY\s*CARD|IDENTITY/)) return { documentType: 'CIE', side: 'front' };
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
  const band = await readMrzBand(raster, page, deps.ocr, deps.today);
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
  return { kind, page, mrz: band?.mrz ?? null, mrzBox: band?.box ?? null, candidates, fiscalCodeConflicts: conflicts };
}
