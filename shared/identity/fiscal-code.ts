/**
 * Codice fiscale: shape, check letter, omocodia, decoding, and consistency with a person's data.
 * The arithmetic comes from @marketto/codice-fiscale-utils; places come from its Belfiore dataset
 * (@marketto/belfiore-connector-embedded: ANPR comuni incl. suppressed ones, ISTAT foreign states,
 * CC BY 4.0 / 3.0). Both run in Node and Chromium with no Node built-ins and no network.
 *
 * The dataset is only reachable asynchronously, so place lookups are resolved first
 * (`resolveBirthPlaces`) and then passed to the synchronous functions here.
 */
import { belfioreConnector } from '@marketto/belfiore-connector-embedded';
import { CheckDigitizer, Parser } from '@marketto/codice-fiscale-utils';
import { isoDate, yearsBetween } from './dates';
import { normaliseName } from './names';
import { placeMentions, placeNamesMatch } from './place-names';
import type { Sex } from './types';

const cfParser = new Parser(belfioreConnector);

const OMOCODE_LETTER = 'LMNPQRSTUV';
const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODABLE = `[0-9${OMOCODE_LETTER}]`;
const FISCAL_CODE_SHAPE = new RegExp(`^[A-Z]{6}${OMOCODABLE}{2}[${MONTH_LETTERS}]${OMOCODABLE}{2}[A-Z]${OMOCODABLE}{3}[A-Z]$`);
/** Positions that omocodia may turn from digit to letter (0-based). */
const OMOCODE_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

export interface BirthPlace {
  belfioreCode: string;
  /** Uppercase, as in the register (ROMA, SANT'ANGELO IN LIZZOLA, FRANCIA). */
  name: string;
  /** Province code, or null for a foreign state. */
  province: string | null;
  foreign: boolean;
  /** The comune no longer exists (merged or renamed); its code stays valid for people born there. */
  suppressed: boolean;
}

/** Synchronous Belfiore lookup, filled by `resolveBirthPlaces`. */
export interface BelfiorePlaces {
  byCode(belfioreCode: string): BirthPlace | null;
}

export interface FiscalCodeReading {
  input: string;
  /** Uppercase, without spaces, dots or hyphens. */
  normalised: string;
  /** 16 characters in the codice fiscale pattern (omocodic letters allowed). */
  wellFormed: boolean;
  checkLetterValid: boolean;
  /** The check letter the first 15 characters call for, when well formed. */
  expectedCheckLetter: string | null;
  /** Well formed, right check letter, real birth date. */
  valid: boolean;
  omocodic: boolean;
  /** The code with omocodic letters turned back into digits (and its own check letter). */
  deomocoded: string | null;
  surnameCode: string | null;
  givenNamesCode: string | null;
  /**
   * YYYY-MM-DD; the most recent century that makes the person 0–120 years old on `today` (the
   * code itself holds only two digits of the year).
   */
  birthDate: string | null;
  sex: Sex | null;
  belfioreCode: string | null;
  /** Null when the code is unknown to the register, or places were not resolved. */
  birthPlace: BirthPlace | null;
}

/** Uppercase, without the spaces, dots and hyphens people type or OCR inserts. */
export function normaliseFiscalCode(value: string): string {
  return value.toUpperCase().replace(/[\s.\-_/]+/g, '');
}

function decodeBirth(deomocoded: string, today: string): { birthDate: string | null; sex: Sex | null } {
  const yy = Number(deomocoded.slice(6, 8));
  const month = MONTH_LETTERS.indexOf(deomocoded[8]) + 1;
  const rawDay = Number(deomocoded.slice(9, 11));
  const sex: Sex | null = rawDay >= 1 && rawDay <= 31 ? 'M' : rawDay >= 41 && rawDay <= 71 ? 'F' : null;
  if (sex === null || month < 1) return { birthDate: null, sex: null };
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  // The most recent century that puts the birth on or before today, within a 120-year life.
  for (const century of [2000, 1900]) {
    const date = isoDate(century + yy, month, day);
    if (date === null) continue;
    if (date > today) continue;
    return yearsBetween(date, today) <= 120 ? { birthDate: date, sex } : { birthDate: null, sex };
  }
  return { birthDate: null, sex };
}

/**
 * Parses a codice fiscale as typed or read. Never throws; anything unusable leaves `valid` false.
 * `places` (from `resolveBirthPlaces`) fills `birthPlace`.
 */
export function parseFiscalCode(value: string, options: { today: string; places?: BelfiorePlaces | null }): FiscalCodeReading {
  const normalised = normaliseFiscalCode(value);
  const reading: FiscalCodeReading = {
    input: value,
    normalised,
    wellFormed: false,
    checkLetterValid: false,
    expectedCheckLetter: null,
    valid: false,
    omocodic: false,
    deomocoded: null,
    surnameCode: null,
    givenNamesCode: null,
    birthDate: null,
    sex: null,
    belfioreCode: null,
    birthPlace: null,
  };
  if (!FISCAL_CODE_SHAPE.test(normalised)) return reading;
  reading.wellFormed = true;
  reading.expectedCheckLetter = CheckDigitizer.checkDigit(normalised.slice(0, 15));
  reading.checkLetterValid = reading.expectedCheckLetter === normalised[15];
  reading.omocodic = OMOCODE_POSITIONS.some((i) => OMOCODE_LETTER.includes(normalised[i]));
  const deomocoded = cfParser.cfDeomocode(normalised);
  reading.deomocoded = deomocoded;
  reading.surnameCode = normalised.slice(0, 3);
  reading.givenNamesCode = normalised.slice(3, 6);
  const { birthDate, sex } = decodeBirth(deomocoded, options.today);
  reading.birthDate = birthDate;
  reading.sex = sex;
  reading.belfioreCode = deomocoded.slice(11, 15);
  reading.birthPlace = options.places?.byCode(reading.belfioreCode) ?? null;
  reading.valid = reading.checkLetterValid && birthDate !== null;
  return reading;
}

export type FiscalCodePartResult = 'match' | 'mismatch' | 'unknown';

export interface FiscalCodeConsistency {
  surname: FiscalCodePartResult;
  givenNames: FiscalCodePartResult;
  birthDate: FiscalCodePartResult;
  sex: FiscalCodePartResult;
  birthPlace: FiscalCodePartResult;
}

export interface PersonData {
  surname: string | null;
  givenNames: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  sex: Sex | null;
  /** Comune name, or foreign state name. */
  birthPlace: string | null;
}

/**
 * The library's name coding costs about half a millisecond (diacritics tables); the same names come
 * back on every re-check of a case, so results are kept in a small bounded cache.
 */
function cached(cache: Map<string, string | null>, key: string, compute: () => string | null): string | null {
  if (cache.has(key)) return cache.get(key) ?? null;
  if (cache.size >= 512) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}
const surnameCodes = new Map<string, string | null>();
const givenNamesCodes = new Map<string, string | null>();

function surnameCodeOf(surname: string): string | null {
  const normalised = normaliseName(surname);
  return normalised ? cached(surnameCodes, normalised, () => cfParser.lastNameToCf(normalised)) : null;
}

/**
 * Whether a surname or given names give the name letters of a codice fiscale (its first three or
 * next three letters; omocodia never touches them). False when the code is not one.
 */
export function nameAgreesWithFiscalCode(fiscalCode: string, part: 'surname' | 'givenNames', name: string): boolean {
  const code = normaliseFiscalCode(fiscalCode);
  if (!/^[A-Z]{6}/.test(code)) return false;
  return part === 'surname' ? surnameCodeOf(name) === code.slice(0, 3) : givenNamesCodesOf(name).has(code.slice(3, 6));
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The registry order of several given names is not always the order written: accept any (at most 4 names). */
function givenNamesCodesOf(givenNames: string): Set<string> {
  const tokens = normaliseName(givenNames).split(' ').filter(Boolean);
  if (tokens.length === 0) return new Set();
  const orders = tokens.length <= 4 ? permutations(tokens) : [tokens];
  return new Set(
    orders.map((order) => order.join(' ')).map((name) => cached(givenNamesCodes, name, () => cfParser.firstNameToCf(name))).filter((code): code is string => code !== null),
  );
}

function compare(known: boolean, equal: () => boolean): FiscalCodePartResult {
  if (!known) return 'unknown';
  return equal() ? 'match' : 'mismatch';
}

/** A foreign birth is coded by state only: the person's place may name the city as well. */
function birthPlaceAgrees(place: BirthPlace, personPlace: string): boolean {
  return placeNamesMatch(place.name, personPlace) || (place.foreign && placeMentions(personPlace, place.name));
}

/**
 * Which parts of a codice fiscale disagree with a person's data. `unknown` when either side is
 * missing, the code is not well formed, or the place was not resolved.
 */
export function fiscalCodeConsistency(cf: FiscalCodeReading, person: PersonData): FiscalCodeConsistency {
  const usable = cf.wellFormed && cf.deomocoded !== null;
  const surnameCode = usable && person.surname ? surnameCodeOf(person.surname) : null;
  const givenCodes = usable && person.givenNames ? givenNamesCodesOf(person.givenNames) : new Set<string>();
  return {
    surname: compare(surnameCode !== null, () => surnameCode === cf.surnameCode),
    givenNames: compare(givenCodes.size > 0, () => cf.givenNamesCode !== null && givenCodes.has(cf.givenNamesCode)),
    // The code holds two digits of the year: the century is not part of it, so it is not compared.
    birthDate: compare(usable && cf.birthDate !== null && person.birthDate !== null, () => cf.birthDate!.slice(2) === person.birthDate!.slice(2)),
    sex: compare(usable && cf.sex !== null && person.sex !== null, () => cf.sex === person.sex),
    birthPlace: compare(usable && cf.birthPlace !== null && !!person.birthPlace, () => birthPlaceAgrees(cf.birthPlace!, person.birthPlace!)),
  };
}

function toBirthPlace(place: { belfioreCode: string; name: string; province?: string; expirationDate: Date }, today: string): BirthPlace {
  const foreign = place.belfioreCode.startsWith('Z');
  return {
    belfioreCode: place.belfioreCode,
    name: place.name.toUpperCase(),
    province: foreign ? null : (place.province ?? null),
    foreign,
    suppressed: place.expirationDate.toISOString().slice(0, 10) < today,
  };
}

/**
 * Looks up the Belfiore places of the given codici fiscali (or Belfiore codes) once, so that the
 * synchronous checks can use them. About a millisecond per code.
 */
export async function resolveBirthPlaces(codes: Iterable<string | null | undefined>, today: string): Promise<BelfiorePlaces> {
  const found = new Map<string, BirthPlace>();
  for (const code of codes) {
    if (!code) continue;
    const normalised = normaliseFiscalCode(code);
    const belfiore = /^[A-Z]\d{3}$/.test(normalised) ? normalised : parseFiscalCode(normalised, { today }).belfioreCode;
    if (!belfiore || found.has(belfiore)) continue;
    const place = await belfioreConnector.findByCode(belfiore);
    if (place) found.set(belfiore, toBirthPlace(place, today));
  }
  return { byCode: (code) => found.get(code) ?? null };
}
