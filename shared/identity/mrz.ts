/**
 * Exact MRZ reading for the CIE (TD1, 3 × 30) and the passport (TD3, 2 × 44).
 *
 * OCR of an MRZ confuses 0/O, 1/I, 5/S, 8/B, 2/Z, 6/G and reads `<` fillers as K. The fixed
 * character class of each position (letters, digits, fillers) undoes most confusions; check digits
 * decide the rest, and decide whether a line read with one character too many or too few can be
 * repaired: only when exactly one repair satisfies them. Names are not covered by any check digit,
 * so a name line of the wrong length is never guessed. Final field extraction is done by the
 * `mrz` package on the corrected lines.
 */
import { parse as parseMrzLines, states, type Details, type FieldName, type ParseResult } from 'mrz';
import { isoDate, todayIso } from './dates';
import type { DocumentType, IdDocumentField, IdDocumentFields, MrzFormat, MrzReading, MrzRepairStatus } from './types';

/** Position classes: A letters/filler, N digit, S sex, F filler only, X any MRZ character. */
type CharClass = 'A' | 'N' | 'S' | 'F' | 'X';

type CheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';

interface CheckSpec {
  field: CheckedField;
  /** Slices [line, start, end) covered by the check digit. */
  covers: [number, number, number][];
  digit: [number, number];
  /** A check position that may hold `<` when the covered field is empty (TD3 personal number). */
  fillerAllowed?: boolean;
}

interface Layout {
  format: MrzFormat;
  lineLength: number;
  lineCount: number;
  classes: string[];
  checks: CheckSpec[];
  /** Where the name field lies: [line, start, end). */
  name: [number, number, number];
  documentNumber: [number, number, number];
  /** Optional-data slices that Italian documents leave empty. */
  italianEmpty: [number, number, number][];
}

function classes(...runs: [CharClass, number][]): string {
  return runs.map(([c, n]) => c.repeat(n)).join('');
}

const TD1: Layout = {
  format: 'TD1',
  lineLength: 30,
  lineCount: 3,
  classes: [
    classes(['A', 5], ['X', 9], ['N', 1], ['X', 15]),
    classes(['N', 7], ['S', 1], ['N', 7], ['A', 3], ['X', 11], ['N', 1]),
    classes(['A', 30]),
  ],
  checks: [
    { field: 'documentNumber', covers: [[0, 5, 14]], digit: [0, 14] },
    { field: 'birthDate', covers: [[1, 0, 6]], digit: [1, 6] },
    { field: 'expiryDate', covers: [[1, 8, 14]], digit: [1, 14] },
    { field: 'composite', covers: [[0, 5, 30], [1, 0, 7], [1, 8, 15], [1, 18, 29]], digit: [1, 29] },
  ],
  name: [2, 0, 30],
  documentNumber: [0, 5, 14],
  italianEmpty: [[0, 15, 30], [1, 18, 29]],
};

/** Two lines of 36: ID cards and residence documents of some states, older visas. */
const TD2: Layout = {
  format: 'TD2',
  lineLength: 36,
  lineCount: 2,
  classes: [
    classes(['A', 36]),
    classes(['X', 9], ['N', 1], ['A', 3], ['N', 7], ['S', 1], ['N', 7], ['X', 7], ['N', 1]),
  ],
  checks: [
    { field: 'documentNumber', covers: [[1, 0, 9]], digit: [1, 9] },
    { field: 'birthDate', covers: [[1, 13, 19]], digit: [1, 19] },
    { field: 'expiryDate', covers: [[1, 21, 27]], digit: [1, 27] },
    { field: 'composite', covers: [[1, 0, 10], [1, 13, 20], [1, 21, 35]], digit: [1, 35] },
  ],
  name: [0, 5, 36],
  documentNumber: [1, 0, 9],
  italianEmpty: [],
};

const TD3: Layout = {
  format: 'TD3',
  lineLength: 44,
  lineCount: 2,
  classes: [
    classes(['A', 44]),
    classes(['X', 9], ['N', 1], ['A', 3], ['N', 7], ['S', 1], ['N', 7], ['X', 14], ['N', 2]),
  ],
  checks: [
    { field: 'documentNumber', covers: [[1, 0, 9]], digit: [1, 9] },
    { field: 'birthDate', covers: [[1, 13, 19]], digit: [1, 19] },
    { field: 'expiryDate', covers: [[1, 21, 27]], digit: [1, 27] },
    { field: 'personalNumber', covers: [[1, 28, 42]], digit: [1, 42], fillerAllowed: true },
    { field: 'composite', covers: [[1, 0, 10], [1, 13, 20], [1, 21, 43]], digit: [1, 43] },
  ],
  name: [0, 5, 44],
  documentNumber: [1, 0, 9],
  italianEmpty: [[1, 28, 42]],
};

/**
 * Italian documents have a fixed document-number shape, which settles letter/digit confusions
 * outright, and leave the optional data empty (the passport's personal number too, DOMAIN.md).
 * Without this a filler lost in the optional data could be restored as `<`, `0`, `A`, `K` or `U`
 * alike (all weigh 0 mod 10 in the check digit), and no repair would ever be unique.
 */
const ITALIAN_DOCUMENT_NUMBER: Partial<Record<MrzFormat, string>> = {
  TD1: 'AANNNNNAA', // CIE: CA00000AA
  TD3: 'AANNNNNNN', // passport: YA0000000
};

const LETTER_FOR_DIGIT: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'T', '8': 'B' };
const DIGIT_FOR_LETTER: Record<string, string> = { O: '0', Q: '0', D: '0', U: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8', T: '7', A: '4' };
/** Characters an OCR engine takes for one another, for check-digit-driven substitution in free fields. */
const CONFUSABLE: string[] = ['0OQD', '1IL', '2Z', '5S', '6G', '8B', '<K'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** ICAO 9303 check digit (weights 7, 3, 1). */
export function mrzCheckDigit(value: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    let v: number;
    if (ch >= '0' && ch <= '9') v = ch.charCodeAt(0) - 48;
    else if (ch >= 'A' && ch <= 'Z') v = ch.charCodeAt(0) - 55;
    else if (ch === '<') v = 0;
    else return -1;
    sum += v * weights[i % 3];
  }
  return sum % 10;
}

/**
 * Uppercase, whitespace removed, look-alikes of `<` mapped to it, and specks OCR adds beyond the
 * line ends (`|`, `.`, quotes) dropped; a stray character inside the line is left for repair.
 */
function cleanLine(line: string): string {
  return line
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[«‹(<[{]/g, '<')
    .replace(/^[^A-Z0-9<]+|[^A-Z0-9<]+$/g, '');
}

/** Fewer characters than this is OCR noise above or below the MRZ, not one of its lines. */
const MIN_LINE_LENGTH = 10;

function correctChar(ch: string, cls: string): string {
  if (cls === 'N') return DIGIT_FOR_LETTER[ch] ?? ch;
  if (cls === 'A') return LETTER_FOR_DIGIT[ch] ?? ch;
  if (cls === 'F') return ch === 'K' ? '<' : ch;
  return ch;
}

/**
 * Fillers read as K after the name. In the trailing run of K and `<`, every K after the first `<`
 * is a filler; K's directly after the name are fillers only when there are at least two of them
 * before a `<`, or three with no `<` at all (no name ends in KK<, or in KKK).
 */
function restoreNameFillers(name: string): string {
  const run = /[K<]*$/.exec(name)?.[0] ?? '';
  const firstFiller = run.indexOf('<');
  const leadingKs = firstFiller < 0 ? run.length : firstFiller;
  const fillersFromLeadingKs = firstFiller < 0 ? leadingKs >= 3 : leadingKs >= 2;
  const keepUpTo = name.length - run.length + (fillersFromLeadingKs ? 0 : leadingKs);
  return name.slice(0, keepUpTo) + name.slice(keepUpTo).replace(/K/g, '<');
}

function lineClasses(layout: Layout, lines: string[], lineIndex: number): string {
  const base = layout.classes[lineIndex];
  const [docLine, docStart, docEnd] = layout.documentNumber;
  if (issuingStateOf(lines) !== 'ITA') return base;
  let cls = base;
  const italianNumber = ITALIAN_DOCUMENT_NUMBER[layout.format];
  if (lineIndex === docLine && italianNumber) cls = cls.slice(0, docStart) + italianNumber + cls.slice(docEnd);
  for (const [l, start, end] of layout.italianEmpty) {
    if (l === lineIndex) cls = cls.slice(0, start) + 'F'.repeat(end - start) + cls.slice(end);
  }
  return cls;
}

/** Both formats put the issuing state at positions 2–4 of the first line. */
function issuingStateOf(lines: string[]): string {
  const first = lines[0] ?? '';
  return repairStateCode([...first.slice(2, 5)].map((ch) => correctChar(ch, 'A')).join(''));
}

/**
 * State codes are a closed list no check digit covers: an unknown code is replaced only when
 * exactly one substitution among confusable letters (I/L, O/Q/D, ...) gives a known one.
 */
function repairStateCode(code: string): string {
  if (isKnownState(code)) return code;
  const found = new Set<string>();
  for (let i = 0; i < code.length; i++) {
    const group = CONFUSABLE.find((g) => g.includes(code[i])) ?? '';
    for (const alt of group) {
      const candidate = code.slice(0, i) + alt + code.slice(i + 1);
      if (alt !== code[i] && /^[A-Z<]{3}$/.test(candidate) && isKnownState(candidate)) found.add(candidate);
    }
  }
  return found.size === 1 ? [...found][0] : code;
}

/** [line, start, end) of the state codes in each format. */
function stateCodeSlices(layout: Layout): [number, number, number][] {
  return layout.format === 'TD1' ? [[0, 2, 5], [1, 15, 18]] : [[0, 2, 5], [1, 10, 13]];
}

function applyClasses(layout: Layout, lines: string[], lineIndex: number): string {
  const cls = lineClasses(layout, lines, lineIndex);
  let out = '';
  for (let i = 0; i < lines[lineIndex].length; i++) out += correctChar(lines[lineIndex][i], cls[i] ?? 'X');
  const [nameLine, nameStart, nameEnd] = layout.name;
  if (lineIndex === nameLine) out = out.slice(0, nameStart) + restoreNameFillers(out.slice(nameStart, nameEnd)) + out.slice(nameEnd);
  for (const [l, start, end] of stateCodeSlices(layout)) {
    if (l === lineIndex && out.length === layout.lineLength) out = out.slice(0, start) + repairStateCode(out.slice(start, end)) + out.slice(end);
  }
  return out;
}

/**
 * A TD1 document number longer than nine characters goes on into the optional data: its check
 * digit position holds `<`, and the number's last characters and its check digit come before the
 * optional data's first filler (ICAO 9303 part 5, 4.2.2).
 */
function longDocumentNumber(spec: CheckSpec, lines: string[]): { covered: string; digit: string } | null {
  if (spec.field !== 'documentNumber' || spec.digit[0] !== 0 || spec.digit[1] !== 14 || lines[0]?.[14] !== '<') return null;
  const rest = /^([A-Z0-9]+)</.exec(lines[0].slice(15))?.[1];
  if (!rest || rest.length < 2) return null;
  return { covered: lines[0].slice(5, 14) + rest.slice(0, -1), digit: rest.slice(-1) };
}

function checkHolds(spec: CheckSpec, lines: string[]): boolean {
  const long = longDocumentNumber(spec, lines);
  if (long) return long.digit >= '0' && long.digit <= '9' && mrzCheckDigit(long.covered) === Number(long.digit);
  const [dl, dp] = spec.digit;
  const digit = lines[dl]?.[dp];
  const covered = spec.covers.map(([l, s, e]) => lines[l]?.slice(s, e) ?? '').join('');
  if (spec.fillerAllowed && digit === '<' && /^<*$/.test(covered)) return true;
  return digit !== undefined && digit >= '0' && digit <= '9' && mrzCheckDigit(covered) === Number(digit);
}

function checksTouching(layout: Layout, lineIndex: number): CheckSpec[] {
  return layout.checks.filter((c) => c.digit[0] === lineIndex || c.covers.some(([l]) => l === lineIndex));
}

/** Checks that can be evaluated now: all their lines have the right length. */
function evaluableChecks(layout: Layout, lines: string[], specs: CheckSpec[]): CheckSpec[] {
  return specs.filter((c) => [c.digit[0], ...c.covers.map(([l]) => l)].every((l) => lines[l].length === layout.lineLength));
}

/**
 * Free (X) positions covered by a failing check: try single substitutions among confusable
 * characters; keep the line only if exactly one substitution makes every check hold.
 */
function substituteConfusables(layout: Layout, lines: string[]): { lines: string[]; status: 'unchanged' | 'corrected' | 'ambiguous' } {
  // The composite check alone would accept one in ten random substitutions: it only confirms.
  const failing = layout.checks.filter((c) => c.field !== 'composite' && !checkHolds(c, lines));
  if (failing.length === 0) return { lines, status: 'unchanged' };
  const positions = new Set<string>();
  for (const spec of failing) {
    for (const [l, s, e] of spec.covers) {
      const cls = lineClasses(layout, lines, l);
      for (let i = s; i < e; i++) if (cls[i] === 'X') positions.add(`${l}:${i}`);
    }
  }
  const solutions: string[][] = [];
  for (const key of positions) {
    const [l, i] = key.split(':').map(Number);
    const group = CONFUSABLE.find((g) => g.includes(lines[l][i]));
    if (!group) continue;
    for (const alt of group) {
      if (alt === lines[l][i]) continue;
      const candidate = lines.slice();
      candidate[l] = candidate[l].slice(0, i) + alt + candidate[l].slice(i + 1);
      if (layout.checks.every((c) => checkHolds(c, candidate))) solutions.push(candidate);
    }
  }
  if (solutions.length === 1) return { lines: solutions[0], status: 'corrected' };
  // Document numbers are letters then digits far more often than letters among digits: among
  // several substitutions the digits accept, the one that alone gives that shape is taken. It is
  // still a choice the check digits made, so the values stay unconfirmed (`guessed`).
  const [dl, ds, de] = layout.documentNumber;
  const shaped = solutions.filter((c) => /^[A-Z]*[0-9]+<*$/.test(c[dl].slice(ds, de)));
  if (shaped.length === 1) return { lines: shaped[0], status: 'corrected' };
  return { lines, status: solutions.length > 1 ? 'ambiguous' : 'unchanged' };
}

function candidateChars(cls: string): string {
  if (cls === 'N') return DIGITS;
  if (cls === 'A') return `${ALPHABET}<`;
  if (cls === 'S') return 'MF<';
  if (cls === 'F') return '<';
  return `${ALPHABET}${DIGITS}<`;
}

function isKnownState(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(states, code.replace(/<+$/, ''));
}

function isCalendarDate(yymmdd: string): boolean {
  if (!/^\d{6}$/.test(yymmdd)) return false;
  const [yy, mm, dd] = [0, 2, 4].map((i) => Number(yymmdd.slice(i, i + 2)));
  // 2000 is a leap year, so any 29 February passes here and the century is settled later.
  return isoDate(2000 + yy, mm, dd) !== null;
}

/**
 * A repair candidate must also respect what the check digits do not cover: document code,
 * issuing state and nationality come from closed lists, dates are calendar dates, and the optional
 * data of an Italian document is empty.
 */
function plausibleCandidate(layout: Layout, lines: string[], lineIndex: number): boolean {
  const line = lines[lineIndex];
  const cls = lineClasses(layout, lines, lineIndex);
  if ([...cls].some((c, i) => c === 'F' && line[i] !== '<')) return false;
  if (lineIndex === 0) {
    const code = line.slice(0, 2);
    const codeOk = layout.format === 'TD3' ? code[0] === 'P' : layout.format === 'TD2' ? 'ACIPV'.includes(code[0]) : 'ACI'.includes(code[0]) && code[1] !== 'V';
    if (!codeOk || !isKnownState(line.slice(2, 5))) return false;
  }
  if (lineIndex === 1) {
    const [nationality, birth, expiry] =
      layout.format === 'TD1' ? [line.slice(15, 18), line.slice(0, 6), line.slice(8, 14)] : [line.slice(10, 13), line.slice(13, 19), line.slice(21, 27)];
    if (!isKnownState(nationality) || !isCalendarDate(birth) || !isCalendarDate(expiry)) return false;
  }
  return true;
}

/** `neutral`: only fillers were moved, no character was chosen by the check digits. */
type LineRepair = { status: 'repaired'; line: string; neutral?: boolean } | { status: 'ambiguous' | 'unrepairable' };

/** One character too many or too few: the repair must be the only one the check digits accept. */
function repairLineLength(layout: Layout, lines: string[], lineIndex: number): LineRepair {
  const line = lines[lineIndex];
  const delta = line.length - layout.lineLength;
  if (Math.abs(delta) !== 1) return { status: 'unrepairable' };
  // No check digit covers the name line: every repair of it "passes", so it stays ambiguous.
  const touching = checksTouching(layout, lineIndex);
  const candidates = new Set<string>();
  if (delta === 1) {
    for (let i = 0; i < line.length; i++) candidates.add(line.slice(0, i) + line.slice(i + 1));
  } else {
    const cls = lineClasses(layout, lines, lineIndex);
    for (let i = 0; i <= line.length; i++) {
      for (const ch of candidateChars(cls[i] ?? 'X')) candidates.add(line.slice(0, i) + ch + line.slice(i));
    }
  }
  const accepted = new Set<string>();
  for (const candidate of candidates) {
    const trial = lines.slice();
    trial[lineIndex] = candidate;
    trial[lineIndex] = applyClasses(layout, trial, lineIndex);
    if (!plausibleCandidate(layout, trial, lineIndex)) continue;
    const evaluable = evaluableChecks(layout, trial, touching);
    if (evaluable.length === 0) {
      accepted.add(trial[lineIndex]);
      continue;
    }
    if (evaluable.every((c) => checkHolds(c, trial))) accepted.add(trial[lineIndex]);
  }
  if (accepted.size === 1) return { status: 'repaired', line: [...accepted][0] };
  if (accepted.size === 0) return repairFillerRun(layout, lines, lineIndex) ?? { status: 'unrepairable' };
  return { status: 'ambiguous' };
}

/**
 * OCR most often miscounts long runs of fillers. When the check digits accept no repair (a
 * specimen's own digits may be wrong), a line one character off is still mended if it has exactly
 * one run of three or more fillers: a filler added to or taken from that run moves no other
 * character, so every field keeps what was read and its check digit still judges it.
 */
function repairFillerRun(layout: Layout, lines: string[], lineIndex: number): LineRepair | null {
  const line = lines[lineIndex];
  const delta = line.length - layout.lineLength;
  const runs = [...line.matchAll(/<{3,}/g)];
  // On the name line the character lost or added may be a letter of the name: nothing would tell.
  if (runs.length !== 1 || Math.abs(delta) !== 1 || lineIndex === layout.name[0]) return null;
  const at = (runs[0].index ?? 0) + 1;
  const mended = delta < 0 ? `${line.slice(0, at)}<${line.slice(at)}` : line.slice(0, at) + line.slice(at + 1);
  const trial = lines.slice();
  trial[lineIndex] = applyClasses(layout, [...lines.slice(0, lineIndex), mended, ...lines.slice(lineIndex + 1)], lineIndex);
  return plausibleCandidate(layout, trial, lineIndex) ? { status: 'repaired', line: trial[lineIndex], neutral: true } : null;
}

/** OCR sometimes returns the whole zone as one line: only an exact 3 × 30 or 2 × 44 is split. */
/**
 * No name holds three fillers in a row: past the first such run the name field is fillers only,
 * whatever specks OCR saw there. Only a line of the right length is settled: in a shorter or
 * longer one the missing or extra character may be in the name, which no check digit covers.
 */
function settleNameLine(layout: Layout, lines: string[]): string[] {
  const [l, start] = layout.name;
  const line = lines[l];
  if (line === undefined || line.length !== layout.lineLength) return lines;
  const run = line.indexOf('<<<', start);
  if (run < 0) return lines;
  const settled = line.slice(0, run).padEnd(layout.lineLength, '<');
  return lines.map((x, i) => (i === l ? settled : x));
}

function splitJoinedLines(lines: string[]): string[] {
  if (lines.length !== 1) return lines;
  for (const layout of [TD1, TD2, TD3]) {
    if (lines[0].length === layout.lineLength * layout.lineCount) {
      return Array.from({ length: layout.lineCount }, (_, i) => lines[0].slice(i * layout.lineLength, (i + 1) * layout.lineLength));
    }
  }
  return lines;
}

function pickLayout(lines: string[]): Layout | null {
  // A few characters off still identifies the format, so the other lines can be read.
  const fits = (layout: Layout) => lines.length === layout.lineCount && lines.every((l) => Math.abs(l.length - layout.lineLength) <= 3);
  return [TD1, TD2, TD3].find(fits) ?? null;
}

const SEVERITY: MrzRepairStatus[] = ['exact', 'corrected', 'repaired', 'ambiguous', 'unrepairable'];
function worse(a: MrzRepairStatus, b: MrzRepairStatus): MrzRepairStatus {
  return SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
}

export interface ReadMrzOptions {
  /** YYYY-MM-DD, to place two-digit years; defaults to the current day. */
  today?: string;
}

/**
 * Reads TD1 or TD3 MRZ lines as OCR'd. Returns null when the lines are not an MRZ of either
 * shape. Fields whose check digit fails, or whose line could not be repaired, are null.
 */
export function readMrz(rawLines: string[], options: ReadMrzOptions = {}): MrzReading | null {
  const today = options.today ?? todayIso();
  const cleaned = splitJoinedLines(rawLines.flatMap((l) => l.split(/[\r\n]+/)).map(cleanLine).filter((l) => l.length >= MIN_LINE_LENGTH));
  const layout = pickLayout(cleaned);
  if (!layout) return null;

  let status: MrzRepairStatus = 'exact';
  const lines = settleNameLine(layout, cleaned);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length === layout.lineLength) lines[i] = applyClasses(layout, lines, i);
  }
  if (lines.some((l, i) => l !== cleaned[i])) status = 'corrected';
  // A repaired line may make another line's checks evaluable: retry until nothing changes.
  const brokenLines = new Set(lines.flatMap((l, i) => (l.length === layout.lineLength ? [] : [i])));
  let chosenByCheckDigits = false;
  const outcomes = new Map<number, MrzRepairStatus>();
  for (let progress = true; progress && brokenLines.size > 0; ) {
    progress = false;
    for (const i of brokenLines) {
      const repair = repairLineLength(layout, lines, i);
      if (repair.status === 'repaired') {
        lines[i] = repair.line;
        brokenLines.delete(i);
        status = worse(status, 'repaired');
        if (!repair.neutral) chosenByCheckDigits = true;
        progress = true;
      } else {
        outcomes.set(i, repair.status);
      }
    }
  }
  for (const i of brokenLines) status = worse(status, outcomes.get(i) ?? 'unrepairable');
  if (brokenLines.size > 0) {
    // Blank the broken line so that the parser still finds the other lines' fields in place; its
    // first five characters (document code, issuing state) come before anything that can shift.
    const parseable = lines.map((l, i) => (brokenLines.has(i) ? blankLine(layout, l, i) : l));
    const reading = toReading(layout, parseable, brokenLines, status, true, today);
    return reading && { ...reading, lines };
  }
  const substituted = substituteConfusables(layout, lines);
  if (substituted.status !== 'unchanged') status = worse(status, substituted.status);
  const guessed = chosenByCheckDigits || substituted.status === 'corrected';
  return toReading(layout, substituted.lines, brokenLines, status, guessed, today);
}

/** Pairs a whitelisted OCR mixes up glyph for glyph. */
const SYSTEMATIC_PAIRS: [string, string][] = [['Z', '2'], ['O', '0'], ['S', '5'], ['B', '8'], ['I', '1'], ['G', '6'], ['D', '0'], ['Q', '0']];

function systematicMisreadPasses(lines: string[], layout: Layout): boolean {
  const spec = layout.checks.find((c) => c.field === 'documentNumber') as CheckSpec;
  const [l, start, end] = layout.documentNumber;
  const number = lines[l].slice(start, end);
  for (const [a, b] of SYSTEMATIC_PAIRS) {
    for (const [from, to] of [[a, b], [b, a]]) {
      if (number.split(from).length - 1 < 2) continue;
      const trial = lines.slice();
      trial[l] = lines[l].slice(0, start) + number.split(from).join(to) + lines[l].slice(end);
      if (checkHolds(spec, trial)) return true;
    }
  }
  return false;
}

function blankLine(layout: Layout, line: string, lineIndex: number): string {
  const head = lineIndex === 0 ? [...line.slice(0, 5)].map((ch) => correctChar(ch, 'A')).join('') : '';
  return head.padEnd(layout.lineLength, '<');
}

function detail(result: ParseResult, field: FieldName): Details | undefined {
  return result.details.find((d) => d.field === field);
}

/** Nobody has lived longer (122 years): a birth year that would make someone older belongs to the next century. */
const OLDEST_AGE = 125;

/**
 * Two digits name the year, not the century: the most recent date not after today is taken. When
 * the century before would also give a living person's age, the century is inferred, not read,
 * and only a printed date (or the clerk) can confirm it.
 */
function resolveBirthDate(yymmdd: string, today: string): { date: string | null; centuryInferred: boolean } {
  if (!/^\d{6}$/.test(yymmdd)) return { date: null, centuryInferred: false };
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  const recent = isoDate(2000 + yy, mm, dd);
  if (recent !== null && recent <= today) return { date: recent, centuryInferred: Number(today.slice(0, 4)) - (1900 + yy) <= OLDEST_AGE };
  return { date: isoDate(1900 + yy, mm, dd), centuryInferred: false };
}

function resolveExpiryDate(yymmdd: string, today: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  // Documents run at most a few decades: an expiry more than 50 years ahead belongs to the 1900s.
  const century = 2000 + yy > Number(today.slice(0, 4)) + 50 ? 1900 : 2000;
  return isoDate(century + yy, mm, dd);
}

/**
 * The MRZ's document code and issuing state are the strongest evidence of what a document is: a
 * passport (P, any state), the Italian CIE (TD1, ITA, C or I), another state's identity card or
 * residence document (TD1/TD2, I, A or C). Visas and unknown codes are not identity documents read here.
 */
function documentTypeOf(format: MrzFormat, documentCode: string, issuingState: string | null): DocumentType {
  if (documentCode.startsWith('P')) return 'PASSPORT';
  const identityCard = /^[ACI]/.test(documentCode);
  if (format === 'TD1' && issuingState === 'ITA' && identityCard) return 'CIE';
  if (format !== 'TD3' && identityCard) return 'FOREIGN_ID';
  return 'UNKNOWN';
}

function emptyFields(): IdDocumentFields {
  return {
    surname: null,
    givenNames: null,
    sex: null,
    birthDate: null,
    birthPlace: null,
    fiscalCode: null,
    documentNumber: null,
    issueDate: null,
    expiryDate: null,
    nationality: null,
  };
}

const SEX: Record<string, 'M' | 'F'> = { male: 'M', female: 'F' };

function toReading(layout: Layout, lines: string[], brokenLines: Set<number>, status: MrzRepairStatus, guessed: boolean, today: string): MrzReading | null {
  let result: ParseResult;
  try {
    result = parseMrzLines(lines);
  } catch {
    // The parser refuses some shapes outright (e.g. an unknown document code): not an MRZ we read.
    return null;
  }
  const holds = (field: CheckedField) => layout.checks.some((c) => c.field === field && checkHolds(c, lines));
  // In both formats dates, sex and nationality are on the second line.
  const dataLine = 1;
  const [docLine] = layout.documentNumber;
  const [nameLine, nameStart, nameEnd] = layout.name;
  const nameField = lines[nameLine].slice(nameStart, nameEnd);
  const nameShapeOk = !brokenLines.has(nameLine) && /^[A-Z]+(<[A-Z]+)*(<<[A-Z]+(<[A-Z]+)*)?<*$/.test(nameField);
  const dataLineOk = !brokenLines.has(dataLine);
  const libValue = (field: FieldName): string | null => (detail(result, field)?.valid ? (result.fields[field] ?? null) : null);

  const fields = emptyFields();
  if (holds('documentNumber') && !brokenLines.has(docLine)) fields.documentNumber = result.documentNumber;
  const birthRaw = holds('birthDate') && dataLineOk ? libValue('birthDate') : null;
  const birth = birthRaw === null ? null : resolveBirthDate(birthRaw, today);
  fields.birthDate = birth?.date ?? null;
  const expiryRaw = holds('expiryDate') && dataLineOk ? libValue('expirationDate') : null;
  fields.expiryDate = expiryRaw === null ? null : resolveExpiryDate(expiryRaw, today);
  // No check digit covers sex or nationality: only their character class and the state list protect them.
  const sex = dataLineOk ? libValue('sex') : null;
  fields.sex = sex === null ? null : (SEX[sex] ?? null);
  fields.nationality = dataLineOk ? libValue('nationality') : null;
  if (nameShapeOk) {
    fields.surname = libValue('lastName');
    fields.givenNames = libValue('firstName') || null;
  }

  // A number the OCR may have misread consistently (every Z as 2, every O as 0) and that the check
  // digit accepts both ways is not vouched for by it: only a second source can confirm it.
  const numberAmbiguous = fields.documentNumber !== null && systematicMisreadPasses(lines, layout);
  const valid: Partial<Record<IdDocumentField, boolean>> = {};
  for (const key of ['surname', 'givenNames', 'sex', 'birthDate', 'documentNumber', 'expiryDate', 'nationality'] as const) valid[key] = fields[key] !== null;
  const issuingState = libValue('issuingState');
  const documentCode = lines[0].slice(0, 2).replace(/</g, '');
  return {
    format: layout.format,
    documentType: documentTypeOf(layout.format, documentCode, issuingState),
    fields,
    valid,
    allChecksValid: brokenLines.size === 0 && layout.checks.every((c) => checkHolds(c, lines)),
    truncatedName: nameShapeOk && !nameField.endsWith('<'),
    repair: status,
    guessed,
    documentNumberAmbiguous: numberAmbiguous,
    birthCenturyInferred: birth?.centuryInferred ?? false,
    lines,
    issuingState,
  };
}
