/**
 * Printed (visual inspection zone) fields of each document type, from the OCR lines of one side.
 * No fixed layout: labels are found as text (whole labels, see text-patterns.ts) and each value is
 * taken from the text under its label (the nearest line below with words in the label's column) or
 * beside it, as the document type prints it. A field whose label or value was not read stays
 * empty: never a default, never a label read as a value.
 */
import { parseDocumentDate } from '../identity/dates';
import { nameAgreesWithFiscalCode, parseFiscalCode } from '../identity/fiscal-code';
import type { DocumentType } from '../identity/types';
import { fromLine, type FieldCandidate, type FieldCandidates } from './field-candidate';
import { fiscalCodeInText } from './fiscal-code-text';
import type { OcrLine, OcrPage } from './ocr-engine';
import type { Box } from './raster';
import { BILINGUAL_DATE, cleanName, codeOfClass, findCode, findLabels, labelToken, nameLine, NUMERIC_DATE, PLACE_WITH_PROVINCE, type LabelKey } from './text-patterns';

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

interface Word {
  text: string;
  confidence: number;
  /** Levelled (see textSlope): for geometry only. */
  box: Box;
  /** Where it is on the side image: the evidence shown to the clerk. */
  onImage: Box;
  line: number;
  /** Part of a printed label. */
  label: boolean;
}

interface FoundLabel {
  key: LabelKey;
  box: Box;
  onImage: Box;
  line: number;
  /** Index in its line's words of the first word after the label. */
  end: number;
}

interface TextLayout {
  lines: Word[][];
  labels: FoundLabel[];
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/** A line's words, a word holding a slash cut at it ("NOME/NAME"); a line without words is cut at its spaces. */
function wordsOf(line: OcrLine, index: number): Word[] {
  const source = line.words.length > 0 ? line.words : [{ text: line.text, confidence: line.confidence, box: line.box }];
  return source.flatMap((word) => {
    const parts = word.text.split(/(\/)|\s+/).filter((p): p is string => Boolean(p));
    const length = parts.reduce((n, p) => n + p.length + 1, -1);
    let offset = 0;
    return parts.map((text) => {
      const x = word.box.x + (word.box.width * offset) / Math.max(1, length);
      offset += text.length + 1;
      const box = { x, y: word.box.y, width: (word.box.width * text.length) / Math.max(1, length), height: word.box.height };
      return { text, confidence: word.confidence, box, onImage: box, line: index, label: false };
    });
  });
}

/**
 * The slope of the text (a card scanned a degree or two off straight): the median, over lines of
 * several words, of the slope through their first and last word. Boxes are then sheared level, so
 * "below" and "on the same row" mean what they mean on the card.
 */
function textSlope(lines: Word[][]): number {
  const slopes = lines
    .map((words) => words.filter((w) => !isNoise(w)))
    .filter((words) => words.length >= 2)
    .map((words) => {
      const [a, b] = [words[0].box, words[words.length - 1].box];
      const dx = b.x + b.width / 2 - (a.x + a.width / 2);
      return dx > 5 * Math.max(a.height, b.height) ? (b.y + b.height / 2 - (a.y + a.height / 2)) / dx : null;
    })
    .filter((slope): slope is number => slope !== null)
    .sort((a, b) => a - b);
  const median = slopes.length > 0 ? slopes[Math.floor(slopes.length / 2)] : 0;
  return Math.abs(median) < 0.18 ? median : 0;
}

function layoutOf(page: OcrPage): TextLayout {
  const lines = page.lines.map(wordsOf);
  const slope = textSlope(lines);
  for (const w of lines.flat()) w.box = { ...w.box, y: w.box.y - slope * (w.box.x + w.box.width / 2) };
  const labels: FoundLabel[] = [];
  lines.forEach((words, line) => {
    for (const match of findLabels(words.map((w) => w.text))) {
      const own = words.slice(match.start, match.end);
      for (const w of own) w.label = true;
      labels.push({ key: match.key, box: union(own.map((w) => w.box)), onImage: union(own.map((w) => w.onImage)), line, end: match.end });
    }
  });
  return { lines, labels };
}

const overlapsVertically = (a: Box, b: Box) => Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < Math.max(a.height, b.height) * 0.6;

/** Guilloche specks and what OCR made of them are no part of a value; the punctuation of dates and places is. */
const isNoise = (w: Word) => w.confidence < 25 || (labelToken(w.text) === '' && !/[/().'’-]/.test(w.text));

/**
 * The value printed under a label: the nearest line below (within a few label heights) that has
 * words in the label's column, the column running from the label to the next label on its row.
 * When that line holds a label in the column, the value was not read: nothing is returned rather
 * than a line further down.
 */
function valueBelow(layout: TextLayout, label: FoundLabel): Word[] | null {
  // Values are printed apart from their labels, a millimetre or so off either way.
  const tolerance = label.box.height * 1.5;
  const right = layout.labels.filter((l) => l !== label && l.box.x > label.box.x + tolerance && overlapsVertically(l.box, label.box));
  const from = label.box.x - tolerance;
  const to = Math.min(Infinity, ...right.map((l) => l.box.x - tolerance));
  const top = label.box.y + label.box.height * 0.6;
  const bottom = label.box.y + label.box.height * 4.5;
  let best: Word[] | null = null;
  for (const words of layout.lines) {
    const inColumn = words.filter((w) => w.line !== label.line && !isNoise(w) && w.box.y >= top && w.box.y <= bottom && w.box.x >= from && w.box.x < to).sort((a, b) => a.box.x - b.box.x);
    // The value starts under its label: a line whose first word lies right of the label belongs to another column.
    if (inColumn.length === 0 || inColumn[0].box.x > label.box.x + label.box.width + tolerance) continue;
    if (!best || inColumn[0].box.y < best[0].box.y) best = inColumn;
  }
  if (!best || best.some((w) => w.label)) return null;
  // Only part of a garbled label read ("…/ Place of birth"): a value line running on to the left of
  // it, under the label's unread start, is this value cut, not taken.
  const first = best[0];
  const labelStart = Math.min(...layout.lines[label.line].filter((w) => !isNoise(w)).map((w) => w.box.x));
  const before = layout.lines[first.line].filter((w) => !isNoise(w) && w.box.x < first.box.x && w.box.x >= labelStart - tolerance).at(-1);
  if (before && first.box.x - (before.box.x + before.box.width) < Math.max(first.box.height, before.box.height) * 2.5) return null;
  return firstRun(best);
}

/** The words up to the first wide gap: beyond it lies the next column, whose label was not read. */
function firstRun(words: Word[]): Word[] {
  const end = words.findIndex((w, i) => i > 0 && w.box.x - (words[i - 1].box.x + words[i - 1].box.width) > Math.max(w.box.height, words[i - 1].box.height) * 2.5);
  return end < 0 ? words : words.slice(0, end);
}

/** The value printed after a label on the same line, up to the next label. */
function valueBeside(layout: TextLayout, label: FoundLabel): Word[] | null {
  const words = layout.lines[label.line];
  const value: Word[] = [];
  for (const w of words.slice(label.end)) {
    if (w.label) break;
    if (!isNoise(w)) value.push(w);
  }
  return value.length > 0 ? value : null;
}

function labelled(layout: TextLayout, key: LabelKey): FoundLabel[] {
  return layout.labels.filter((l) => l.key === key);
}

type Where = 'below' | 'beside';

/** The value's words under (or beside) the first label of this kind that has one. */
function valueOf(layout: TextLayout, key: LabelKey, where: Where): Word[] | null {
  for (const label of labelled(layout, key)) {
    const value = where === 'below' ? valueBelow(layout, label) : valueBeside(layout, label);
    if (value) return value;
  }
  return null;
}

function candidate(value: string, words: Word[]): FieldCandidate {
  return { value, source: 'viz', confidence: Math.max(0, Math.min(1, Math.min(...words.map((w) => w.confidence)) / 100)), box: union(words.map((w) => w.onImage)) };
}

const textOf = (words: Word[]) => words.map((w) => w.text).join(' ');

/** A value that must be one thing: a name, a date, a sex, a nationality, a place. */
const PARSERS = {
  name: (text: string) => nameLine(text),
  date: (text: string) => {
    const found = [...dates(text), ...bilingualDates(text)];
    return found.length === 1 ? found[0] : null;
  },
  sex: (text: string) => /^\s*([MF])\s*$/.exec(text.toUpperCase())?.[1] ?? null,
  nationality: (text: string) => (/^\s*(ITA|ITALIANA|ITALIANO)\s*$/.test(text.toUpperCase()) ? 'ITA' : null),
  place: (text: string) => placeOf(text)?.place ?? placeWithBrokenProvince(text),
};

/**
 * A place whose bracketed province OCR broke ("BERGAMO (", "ROMA RM)"): the name before it. A
 * name ending in two letters with no bracket at all may be a province read without its brackets,
 * so it is not taken.
 */
function placeWithBrokenProvince(text: string): string | null {
  const m = /^(.+?)\s*(?:[([{]\s*(?:[A-Z]{2})?|(?:[A-Z]{2})\s*[)\]}])\s*$/.exec(text.toUpperCase().trim());
  if (m) return nameLine(m[1]);
  const name = nameLine(text);
  return name && !/\s[A-Z]{2}$/.test(name) ? name : null;
}

function field(layout: TextLayout, key: LabelKey, where: Where, parse: (text: string) => string | null): FieldCandidate | undefined {
  const words = valueOf(layout, key, where);
  const value = words && parse(textOf(words));
  return words && value ? candidate(value, words) : undefined;
}

/** A code printed without a label (the CIE number top right): the first value word, or two adjacent ones, of its classes. */
function unlabelledCode(layout: TextLayout, classes: string): FieldCandidate | undefined {
  for (const line of layout.lines) {
    const words = line.filter((w) => !w.label && !isNoise(w));
    for (let i = 0; i < words.length; i += 1) {
      for (const run of [words.slice(i, i + 1), words.slice(i, i + 2)]) {
        const code = codeOfClass(labelToken(textOf(run)), classes);
        if (code) return candidate(code, run);
      }
    }
  }
  return undefined;
}

/** "ROMA (RM) 12.04.1985": place, province in brackets, date, on one line under one label. */
function placeAndDate(layout: TextLayout, out: FieldCandidates): void {
  const words = valueOf(layout, 'birthPlaceAndDate', 'below');
  if (!words) return;
  const text = textOf(words);
  const place = placeOf(text);
  const found = dates(text);
  if (place) out.birthPlace = candidate(place.place, words);
  if (found.length === 1) out.birthDate = candidate(found[0], words);
}

/** CIE front: every label bilingual, above its value; the number top right has no label. */
function cieFront(page: OcrPage): FieldCandidates {
  const layout = layoutOf(page);
  const out: FieldCandidates = {};
  out.documentNumber = unlabelledCode(layout, CIE_NUMBER);
  out.surname = field(layout, 'surname', 'below', PARSERS.name);
  out.givenNames = field(layout, 'givenNames', 'below', PARSERS.name);
  placeAndDate(layout, out);
  out.sex = field(layout, 'sex', 'below', PARSERS.sex);
  out.nationality = field(layout, 'nationality', 'below', PARSERS.nationality);
  out.issueDate = field(layout, 'issueDate', 'below', PARSERS.date);
  out.expiryDate = field(layout, 'expiryDate', 'below', PARSERS.date);
  return out;
}

/** Passport data page: bilingual labels above their values; printed dates `01 NOV/NOV 1990`. */
function passportPage(page: OcrPage): FieldCandidates {
  const layout = layoutOf(page);
  const out: FieldCandidates = {};
  const number = valueOf(layout, 'documentNumber', 'below');
  const code = number && findCode(textOf(number), PASSPORT_NUMBER);
  if (number && code) out.documentNumber = candidate(code.value, number);
  out.surname = field(layout, 'surname', 'below', PARSERS.name);
  out.givenNames = field(layout, 'givenNames', 'below', PARSERS.name);
  out.nationality = field(layout, 'nationality', 'below', PARSERS.nationality);
  out.birthDate = field(layout, 'birthDate', 'below', PARSERS.date);
  out.sex = field(layout, 'sex', 'below', PARSERS.sex);
  out.birthPlace = field(layout, 'birthPlace', 'below', PARSERS.place);
  out.issueDate = field(layout, 'issueDate', 'below', PARSERS.date);
  out.expiryDate = field(layout, 'expiryDate', 'below', PARSERS.date);
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

/** Tessera sanitaria: small labels above their values; the province has its own column. */
function healthCard(page: OcrPage): FieldCandidates {
  const layout = layoutOf(page);
  const out: FieldCandidates = {};
  out.surname = field(layout, 'surname', 'below', PARSERS.name);
  out.givenNames = field(layout, 'givenNames', 'below', PARSERS.name);
  if (!out.surname || !out.givenNames) {
    const byOrder = namesUnderFiscalCode(page.lines.filter((l) => !isLabelOnly(l)));
    out.surname ??= byOrder.surname;
    out.givenNames ??= byOrder.givenNames;
  }
  out.birthPlace = field(layout, 'birthPlace', 'below', PARSERS.name);
  out.birthDate = field(layout, 'birthDate', 'below', PARSERS.date);
  out.expiryDate = field(layout, 'expiryDate', 'below', PARSERS.date);
  out.sex = field(layout, 'sex', 'below', PARSERS.sex);
  if (!out.birthDate || !out.sex) {
    const byCode = birthDateAndSexByFiscalCode(layout, page);
    out.birthDate ??= byCode.birthDate;
    out.sex ??= byCode.sex;
  }
  return out;
}

/**
 * The health card's birth date and sex when their small labels are not read: the one printed date
 * that the codice fiscale on the card encodes (day, month and year; parsed with that date as
 * "today", the code's century is the date's own), and the M or F printed beside it when the code
 * encodes that sex. Anything the code does not confirm stays unread.
 */
function birthDateAndSexByFiscalCode(layout: TextLayout, page: OcrPage): Pick<FieldCandidates, 'birthDate' | 'sex'> {
  const code = page.lines.map((l) => fiscalCodeInText(l.text)).find((c): c is string => c !== null);
  if (!code) return {};
  const found = layout.lines.flatMap((line) => {
    const words = line.filter((w) => !w.label && !isNoise(w));
    return dates(textOf(words))
      .filter((date) => parseFiscalCode(code, { today: date }).birthDate === date)
      .map((date) => ({ date, words }));
  });
  if (new Set(found.map((f) => f.date)).size !== 1) return {};
  const [{ date, words }] = found;
  const dateWords = words.filter((w) => /\d/.test(w.text));
  const sexWord = words.find((w) => /^[MF]$/.test(w.text.trim()) && w.text.trim() === parseFiscalCode(code, { today: date }).sex);
  return { birthDate: candidate(date, dateWords), sex: sexWord ? candidate(sexWord.text.trim(), [sexWord]) : undefined };
}

function isLabelOnly(line: OcrLine): boolean {
  const words = wordsOf(line, 0).filter((w) => !isNoise(w));
  const labels = findLabels(words.map((w) => w.text));
  return labels.reduce((n, m) => n + m.end - m.start, 0) >= words.length;
}

/** Paper carta d'identità: each label at the start of its line, its value after it. */
function paperId(page: OcrPage): FieldCandidates {
  const layout = layoutOf(page);
  const out: FieldCandidates = {};
  out.surname = field(layout, 'surname', 'beside', PARSERS.name);
  out.givenNames = field(layout, 'givenNames', 'beside', PARSERS.name);
  out.birthDate = field(layout, 'birthDate', 'beside', PARSERS.date);
  out.issueDate = field(layout, 'issueDate', 'beside', PARSERS.date);
  out.expiryDate = field(layout, 'expiryDate', 'beside', PARSERS.date);
  out.nationality = field(layout, 'nationality', 'beside', PARSERS.nationality);
  for (const line of page.lines) {
    const text = line.text.trim();
    // The number after "N." on the title line, the birth place on the line that starts with "a".
    const number = /\bN\s*[.,°]?\s*([A-Z0-9]{9})\b/.exec(text)?.[1];
    const code = number && findCode(number, PAPER_ID_NUMBER);
    if (code && !out.documentNumber) out.documentNumber = fromLine(code.value, line);
    const at = /^a\s+(.+)$/i.exec(text)?.[1];
    const place = at && placeOf(at);
    if (place && !out.birthPlace) out.birthPlace = fromLine(place.place, line);
  }
  return out;
}

/** The labels whose value is printed under them, per document type (the sides read by label geometry). */
const VALUES_BELOW: Partial<Record<DocumentType, LabelKey[]>> = {
  CIE: ['surname', 'givenNames', 'birthPlaceAndDate', 'sex', 'nationality', 'issueDate', 'expiryDate'],
  PASSPORT: ['documentNumber', 'surname', 'givenNames', 'nationality', 'birthDate', 'sex', 'birthPlace', 'issueDate', 'expiryDate'],
  HEALTH_CARD: ['surname', 'givenNames', 'birthPlace', 'birthDate', 'sex', 'expiryDate'],
};

/**
 * Where a value should be printed and OCR read nothing: the area under each label found whose
 * column below is empty (page layout analysis drops lines on guilloche now and then). Reading
 * these areas again as blocks and passing their lines, placed on the side image, to
 * `extractPrintedFields` with the page's fills the value in; nothing here guesses it.
 */
export function unreadValueAreas(kind: SideKind, page: OcrPage): Box[] {
  const keys = VALUES_BELOW[kind.documentType];
  if (!keys || (kind.documentType === 'CIE' && kind.side !== 'front')) return [];
  const layout = layoutOf(page);
  const right = Math.max(0, ...layout.lines.flat().map((w) => w.onImage.x + w.onImage.width));
  return layout.labels
    .filter((label) => keys.includes(label.key) && !valueBelow(layout, label))
    .map((label) => {
      const b = label.onImage;
      const next = layout.labels.filter((l) => l.box.x > label.box.x + b.height * 1.5 && overlapsVertically(l.box, label.box)).map((l) => l.onImage.x);
      const x = Math.max(0, b.x - b.height * 1.5);
      return { x, y: b.y + b.height * 0.8, width: Math.max(b.width, Math.min(right, ...next) - x), height: b.height * 3.5 };
    });
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
