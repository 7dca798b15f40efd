/**
 * Printed (visual inspection zone) fields of each document type, from the OCR lines of one side.
 * Layouts differ per document, so each type has its own reader; all of them only return what they
 * found in the text, never a default.
 */
import { parseDocumentDate } from '../identity/dates';
import { nameAgreesWithFiscalCode } from '../identity/fiscal-code';
import type { DocumentType } from '../identity/types';
import { fromLine, type FieldCandidates } from './field-candidate';
import { fiscalCodeInText } from './fiscal-code-text';
import type { OcrLine, OcrPage } from './ocr-engine';
import { BILINGUAL_DATE, findCode, isLabelLine, nameLine, NUMERIC_DATE, PLACE_WITH_PROVINCE, cleanName } from './text-patterns';

export const CIE_NUMBER = 'LLDDDDDLL';
export const PASSPORT_NUMBER = 'LLDDDDDDD';
export const PAPER_ID_NUMBER = 'LLDDDDDDD';
/** Italian licence numbers: U1 + letter + 6 digits + letter in the corpus; older ones vary. */
export const LICENCE_NUMBER = 'L*LDDDDDDL';

function dates(text: string): string[] {
  return [...text.matchAll(NUMERIC_DATE)].map((m) => parseDocumentDate(`${m[1]}/${m[2]}/${m[3]}`)).filter((d): d is string => d !== null);
}

function bilingualDates(text: string): string[] {
  return [...text.toUpperCase().matchAll(BILINGUAL_DATE)].map((m) => parseDocumentDate(`${m[1]} ${m[2]}/${m[3]} ${m[4]}`)).filter((d): d is string => d !== null);
}

function placeOf(text: string): { place: string; province: string } | null {
  const m = PLACE_WITH_PROVINCE.exec(text.toUpperCase());
  if (!m) return null;
  const place = cleanName(m[1]);
  return place ? { place, province: m[2] } : null;
}

function valueLines(page: OcrPage): OcrLine[] {
  return page.lines.filter((l) => !isLabelLine(l.text));
}

function codeIn(lines: OcrLine[], classes: string): FieldCandidates['documentNumber'] {
  for (const line of lines) {
    const code = findCode(line.text, classes);
    if (code) return fromLine(code.value, line);
  }
  return undefined;
}

function cieFront(page: OcrPage): FieldCandidates {
  const out: FieldCandidates = {};
  const lines = valueLines(page);
  out.documentNumber = codeIn(page.lines, CIE_NUMBER);
  const anchorIndex = lines.findIndex((l) => placeOf(l.text) && dates(l.text).length === 1);
  if (anchorIndex < 0) return out;
  const anchor = lines[anchorIndex];
  const place = placeOf(anchor.text);
  if (place) out.birthPlace = fromLine(place.place, anchor);
  out.birthDate = fromLine(dates(anchor.text)[0], anchor);
  // Surname and name are the two value lines above the birth line, in the same column.
  const column = lines.slice(0, anchorIndex).filter((l) => Math.abs(l.box.x - anchor.box.x) < anchor.box.height * 2);
  const given = column.at(-1);
  const surname = column.at(-2);
  const givenName = given && nameLine(given.text);
  const surnameName = surname && nameLine(surname.text);
  if (given && givenName) out.givenNames = fromLine(givenName, given);
  if (surname && surnameName) out.surname = fromLine(surnameName, surname);
  for (const line of lines.slice(anchorIndex + 1)) {
    const sex = /^\s*([MF])\b/.exec(line.text);
    if (!out.sex && sex) out.sex = fromLine(sex[1], line);
    const found = dates(line.text);
    if (!out.issueDate && found.length === 2) {
      out.issueDate = fromLine(found[0], line);
      out.expiryDate = fromLine(found[1], line);
    }
  }
  return out;
}

function passportPage(page: OcrPage): FieldCandidates {
  const out: FieldCandidates = {};
  const lines = valueLines(page);
  out.documentNumber = codeIn(lines, PASSPORT_NUMBER);
  const dated = lines.flatMap((line) => bilingualDates(line.text).map((date) => ({ line, date })));
  if (dated.length === 3) {
    out.birthDate = fromLine(dated[0].date, dated[0].line);
    out.issueDate = fromLine(dated[1].date, dated[1].line);
    out.expiryDate = fromLine(dated[2].date, dated[2].line);
  }
  const placeLine = lines.find((l) => placeOf(l.text) && bilingualDates(l.text).length === 0);
  const place = placeLine && placeOf(placeLine.text);
  if (placeLine && place) out.birthPlace = fromLine(place.place, placeLine);
  // The citizenship value (ITALIANA) follows the given names; REPUBBLICA ITALIANA is the heading.
  const citizenship = lines.findIndex((l) => /^\s*ITALIAN[AO]\s*$/.test(l.text.toUpperCase()));
  if (citizenship >= 2) {
    const given = lines[citizenship - 1];
    const surname = lines[citizenship - 2];
    const givenName = nameLine(given.text);
    const surnameName = nameLine(surname.text);
    if (givenName && surnameName) {
      out.givenNames = fromLine(givenName, given);
      out.surname = fromLine(surnameName, surname);
    }
  }
  const sex = lines.find((l) => bilingualDates(l.text).length === 1 && /\s([MF])\s*$/.test(l.text));
  if (sex) out.sex = fromLine(/\s([MF])\s*$/.exec(sex.text)?.[1] as string, sex);
  return out;
}

/** EU licence: numbered fields 1 surname, 2 name, 3 birth date and place, 4a issue, 4b expiry, 5 number. */
function drivingLicence(page: OcrPage): FieldCandidates {
  const out: FieldCandidates = {};
  for (const line of page.lines) {
    const m = /^\s*(1|2|3|4\s*[aAbBcC]|5)\s*[.,:]\s*(.+)$/.exec(line.text);
    if (!m) continue;
    const key = m[1].replace(/\s/g, '').toLowerCase();
    const value = m[2].trim();
    if (key === '1' && nameLine(value)) out.surname = fromLine(nameLine(value) as string, line);
    if (key === '2' && nameLine(value)) out.givenNames = fromLine(nameLine(value) as string, line);
    if (key === '3') {
      const birth = dates(value)[0];
      if (birth) out.birthDate = fromLine(birth, line);
      const place = placeOf(value.replace(NUMERIC_DATE, ' '));
      if (place) out.birthPlace = fromLine(place.place, line);
    }
    if (key === '4a' && dates(value)[0]) out.issueDate = fromLine(dates(value)[0], line);
    if (key === '4b' && dates(value)[0]) out.expiryDate = fromLine(dates(value)[0], line);
    if (key === '5') {
      const code = findCode(value, LICENCE_NUMBER);
      if (code) out.documentNumber = fromLine(code.value, line);
    }
  }
  return out;
}

/**
 * The health card's fixed order when its small grey labels are not read (an angled phone photo):
 * the two value lines under the codice fiscale, in its column, are surname then given names. Each
 * is taken only when the codice fiscale's name letters confirm it, so a line OCR missed can never
 * shift a value into the wrong field.
 */
function namesUnderFiscalCode(lines: OcrLine[]): Pick<FieldCandidates, 'surname' | 'givenNames'> {
  const at = lines.findIndex((l) => fiscalCodeInText(l.text));
  if (at < 0) return {};
  const codeLine = lines[at];
  const code = fiscalCodeInText(codeLine.text) as string;
  const [surnameLine, givenLine] = lines.slice(at + 1).filter((l) => Math.abs(l.box.x - codeLine.box.x) < codeLine.box.height * 2);
  const surname = surnameLine && nameLine(surnameLine.text);
  const given = givenLine && nameLine(givenLine.text);
  return {
    surname: surnameLine && surname && nameAgreesWithFiscalCode(code, 'surname', surname) ? fromLine(surname, surnameLine) : undefined,
    givenNames: givenLine && given && nameAgreesWithFiscalCode(code, 'givenNames', given) ? fromLine(given, givenLine) : undefined,
  };
}

function healthCard(page: OcrPage): FieldCandidates {
  const out: FieldCandidates = {};
  const lines = valueLines(page).filter((l) => !/TESSERA|SANITARIA|MINISTERO|FINANZE/.test(l.text.toUpperCase()));
  // Each value sits under its label; the labels are large enough on this card for OCR to read them.
  const below = (label: RegExp) => {
    const at = page.lines.findIndex((l) => label.test(l.text.trim()));
    return at >= 0 ? page.lines.slice(at + 1).find((l) => Math.abs(l.box.x - page.lines[at].box.x) < page.lines[at].box.height * 2) : undefined;
  };
  const surnameLine = below(/^Cognome$/i);
  const givenLine = below(/^Nome$/i);
  const placeLine = below(/^Luogo di nascita/i);
  const surname = surnameLine && nameLine(surnameLine.text);
  const given = givenLine && nameLine(givenLine.text);
  if (surnameLine && surname) out.surname = fromLine(surname, surnameLine);
  if (givenLine && given) out.givenNames = fromLine(given, givenLine);
  if (!out.surname || !out.givenNames) {
    const byOrder = namesUnderFiscalCode(lines);
    out.surname ??= byOrder.surname;
    out.givenNames ??= byOrder.givenNames;
  }
  const placeName = placeLine && nameLine(placeLine.text);
  // The province sits in its own column; OCR may or may not join it to the place.
  if (placeLine && placeName) out.birthPlace = fromLine(placeName.replace(/\s[A-Z]{2}$/, ''), placeLine);
  const found = lines.flatMap((line) => dates(line.text).map((date) => ({ line, date })));
  if (found.length === 2) {
    // Birth date on the left, expiry on the right of the same row.
    const [birth, expiry] = found[0].line === found[1].line ? found : found.slice().sort((a, b) => a.line.box.x - b.line.box.x);
    out.birthDate = fromLine(birth.date, birth.line);
    out.expiryDate = fromLine(expiry.date, expiry.line);
  }
  const sexLine = lines.find((l) => /\d{4}\s+[MF]\b/.test(l.text));
  const sex = sexLine && /\d{4}\s+([MF])\b/.exec(sexLine.text);
  if (sexLine && sex) out.sex = fromLine(sex[1], sexLine);
  return out;
}

function paperId(page: OcrPage): FieldCandidates {
  const out: FieldCandidates = {};
  for (const line of page.lines) {
    const text = line.text.trim();
    const labelled = (label: RegExp) => label.exec(text)?.[1]?.trim() ?? null;
    const number = labelled(/\bN[.,°]?\s*([A-Z0-9]{9})\b/);
    const code = number && findCode(number, PAPER_ID_NUMBER);
    if (code && !out.documentNumber) out.documentNumber = fromLine(code.value, line);
    const surname = labelled(/^Cognome\s+(.+)$/i);
    if (surname && nameLine(surname)) out.surname = fromLine(nameLine(surname) as string, line);
    const name = labelled(/^Nome\s+(.+)$/i);
    if (name && nameLine(name)) out.givenNames = fromLine(nameLine(name) as string, line);
    const born = labelled(/^nato\s+il\s+(.+)$/i);
    if (born && dates(born)[0]) out.birthDate = fromLine(dates(born)[0], line);
    const at = labelled(/^a\s+(.+)$/i);
    const place = at && placeOf(at);
    if (place) out.birthPlace = fromLine(place.place, line);
    const issued = labelled(/Rilasciata\s+il\s+(\d.*?)(?:\s+Scadenza|$)/i);
    if (issued && dates(issued)[0]) out.issueDate = fromLine(dates(issued)[0], line);
    const expiry = labelled(/Scadenza\s+(.+)$/i);
    if (expiry && dates(expiry)[0]) out.expiryDate = fromLine(dates(expiry)[0], line);
    if (/^Cittadinanza\s+ITALIANA/i.test(text)) out.nationality = fromLine('ITA', line);
  }
  return out;
}

/** Fiscal code: 6 letters, 2 digits, month letter, 2 digits, Belfiore letter + 3, check letter; digits may be omocodia letters. */
export const FISCAL_CODE_CLASSES = 'LLLLLL**L**L***L';

export type SideKind = { documentType: DocumentType; side: 'front' | 'back' | 'single' };

export function extractPrintedFields(kind: SideKind, page: OcrPage): FieldCandidates {
  switch (kind.documentType) {
    case 'CIE':
      return kind.side === 'front' ? cieFront(page) : {};
    case 'PASSPORT':
      return passportPage(page);
    case 'DRIVING_LICENCE':
      return drivingLicence(page);
    case 'HEALTH_CARD':
      return healthCard(page);
    case 'PAPER_ID':
      return paperId(page);
    default:
      return {};
  }
}
