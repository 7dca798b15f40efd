/**
 * Name normalisation for comparing the same person's name as written on the form, printed on the
 * ID and encoded in the MRZ. Only spelling variants that carry no identity information are
 * neutralised: accents (also written as a trailing apostrophe, DE NICOLO'), apostrophes
 * (D'ANGELO / DANGELO / D ANGELO), spaces and hyphens, case, the order of given names and the
 * MRZ's `<` fillers and truncation.
 */

const APOSTROPHES = /['’‘`´ʼ]/g;
const SEPARATORS = /[\s<\-‐‑–—_.,]+/g;

/** ICAO 9303 transliterations the MRZ uses where a plain accent strip would lose a letter. */
const ICAO_TRANSLITERATION: Record<string, string> = {
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Å: 'AA',
  Æ: 'AE',
  Ø: 'OE',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Ł: 'L',
  Đ: 'D',
  Ŀ: 'L',
  Ħ: 'H',
  Ĳ: 'IJ',
};

function stripDiacritics(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Uppercase, accents removed, apostrophes dropped, every separator (space, hyphen, `<`) a single space. */
export function normaliseName(value: string): string {
  return stripDiacritics(value.toUpperCase())
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .replace(/[^A-Z ]/g, '')
    .replace(/ +/g, ' ')
    .trim();
}

function transliterateIcao(value: string): string {
  return value.toUpperCase().replace(/[ÄÖÜßÅÆØŒÞÐŁĐĿĦĲ]/g, (ch) => ICAO_TRANSLITERATION[ch] ?? ch);
}

/** The spellings a name may legitimately take: plain accent strip and ICAO transliteration. */
function nameSpellings(value: string): string[] {
  const plain = normaliseName(value);
  const icao = normaliseName(transliterateIcao(value));
  return plain === icao ? [plain] : [plain, icao];
}

/** Letters only: D'ANGELO, DANGELO and D ANGELO all become DANGELO. */
function compact(normalised: string): string {
  return normalised.replace(/ /g, '');
}

function sortedTokens(normalised: string): string {
  return normalised.split(' ').filter(Boolean).sort().join(' ');
}

export type NameComparison = 'same' | 'same-other-order' | 'mrz-truncation' | 'different';

export interface NameComparisonOptions {
  /** Accept the given names in any order (not for surnames: their order is part of the surname). */
  anyOrder?: boolean;
  /** `b` comes from an MRZ whose name field was filled to the end: accept `b` as a prefix of `a`. */
  bMayBeTruncated?: boolean;
}

/** Compares two renderings of a name; empty or blank values never compare equal. */
export function compareNames(a: string, b: string, options: NameComparisonOptions = {}): NameComparison {
  const aSpellings = nameSpellings(a);
  const bSpellings = nameSpellings(b);
  if (aSpellings.every((s) => s === '') || bSpellings.every((s) => s === '')) return 'different';
  let best: NameComparison = 'different';
  for (const x of aSpellings) {
    for (const y of bSpellings) {
      if (x === '' || y === '') continue;
      if (compact(x) === compact(y)) return 'same';
      if (options.anyOrder && sortedTokens(x) === sortedTokens(y)) best = 'same-other-order';
      if (best === 'different' && options.bMayBeTruncated && compact(x).startsWith(compact(y))) best = 'mrz-truncation';
    }
  }
  return best;
}

export function namesMatch(a: string, b: string, options: NameComparisonOptions = {}): boolean {
  return compareNames(a, b, options) !== 'different';
}
