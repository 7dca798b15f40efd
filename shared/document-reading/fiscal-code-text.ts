/**
 * The codice fiscale as OCR read it: positions are forced into their class (letters, digits or
 * omocodia letters) and the check letter decides. A value is returned only when exactly one
 * reading of the ambiguous characters satisfies the check letter.
 */
import { CheckDigitizer } from '@marketto/codice-fiscale-utils';

const LETTER_POSITIONS = new Set([0, 1, 2, 3, 4, 5, 8, 11, 15]);
const OMOCODIA = 'LMNPQRSTUV';
/** Letters that cannot be omocodia letters, read as the digit they resemble. */
const DIGIT_LOOKALIKE: Record<string, string> = { O: '0', D: '0', I: '1', Z: '2', B: '8', G: '6', A: '4' };
/** Omocodia letters that may equally be a misread digit. */
const AMBIGUOUS: Record<string, string> = { S: '5', T: '7' };
const LETTER_LOOKALIKE: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G', '4': 'A', '7': 'T' };

export function hasValidCheckLetter(code: string): boolean {
  return /^[A-Z0-9]{16}$/.test(code) && CheckDigitizer.checkDigit(code.slice(0, 15)) === code[15];
}

function variants(token: string): string[] {
  let results = [''];
  for (let i = 0; i < 16; i += 1) {
    const c = token[i];
    let options: string[];
    if (LETTER_POSITIONS.has(i)) options = [/[A-Z]/.test(c) ? c : LETTER_LOOKALIKE[c]].filter(Boolean);
    else if (/\d/.test(c) || OMOCODIA.includes(c)) options = AMBIGUOUS[c] ? [c, AMBIGUOUS[c]] : [c];
    else options = [DIGIT_LOOKALIKE[c]].filter(Boolean);
    if (options.length === 0) return [];
    results = results.flatMap((prefix) => options.map((o) => prefix + o));
  }
  return results;
}

/** A code is one token, or two when OCR put a space inside it; no sliding over longer text. */
function windowsOf(text: string, length: number): Set<string> {
  const tokens = text.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const windows = new Set<string>(tokens.filter((t) => t.length === length));
  for (let i = 0; i + 1 < tokens.length; i += 1) if (tokens[i].length + tokens[i + 1].length === length) windows.add(tokens[i] + tokens[i + 1]);
  return windows;
}

function validReadings(windows: Iterable<string>): Set<string> {
  const valid = new Set<string>();
  // A check letter passes by chance once in 26: the month letter and the day narrow it further.
  for (const w of windows) for (const v of variants(w)) if (hasValidCheckLetter(v) && FISCAL_CODE_SHAPE.test(v) && plausibleDay(v)) valid.add(v);
  return valid;
}

const FISCAL_CODE_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

function plausibleDay(code: string): boolean {
  const day = Number([...code.slice(9, 11)].map((c) => (OMOCODIA.includes(c) ? OMOCODIA.indexOf(c) : c)).join(''));
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

export function fiscalCodeInText(text: string): string | null {
  const valid = validReadings(windowsOf(text, 16));
  return valid.size === 1 ? [...valid][0] : null;
}

/**
 * Codes the text holds when OCR added one character (a stroke read twice: `6` as `G6`): every
 * reading with one character dropped that passes the check letter. More than one may come back;
 * the caller keeps a code only when other data on the document confirm exactly one.
 */
export function fiscalCodesWithOneExtraCharacter(text: string): string[] {
  const dropped = new Set<string>();
  for (const w of windowsOf(text, 17)) for (let i = 0; i < w.length; i += 1) dropped.add(w.slice(0, i) + w.slice(i + 1));
  return [...validReadings(dropped)];
}
