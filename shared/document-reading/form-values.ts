/**
 * What a value OCR'd from a zone of a scanned form may be. Each field has a shape (a date, a CAP,
 * an e-mail address, a name); text that does not have it is no value, never a guess. A value is
 * *confirmed* only when something can refute it: the codice fiscale's check letter, and the birth
 * date and sex the codice fiscale encodes. Every other value is unconfirmed: its confidence is
 * held below the level the form step shows as sure, so the clerk checks it against the paper.
 */
import type { FormFieldName } from './form-template';
import { fiscalCodeInText } from './fiscal-code-text';

/** The highest confidence of a value nothing on the form could refute ("da verificare" below 0.9). */
export const UNCONFIRMED_MAX_CONFIDENCE = 0.85;
/** The lowest of a confirmed value: its check, not the engine's own guess, vouches for it. */
export const CONFIRMED_MIN_CONFIDENCE = 0.9;
/** Below this (tesseract's line confidence) an unconfirmed typed value is too doubtful to show at all. */
export const MIN_TYPED_CONFIDENCE = 0.3;
/** At most this when only one of a zone's two readings gave a value. */
export const SINGLE_READING_CONFIDENCE = 0.5;
/** Given to a value read only with the field's character list: the engine's confidence says nothing then. */
export const CONSTRAINED_CONFIDENCE = 0.6;

const NAME = /^[\p{Lu}\p{Ll}][\p{L}' .-]*[\p{L}.]$|^\p{L}$/u;
const ADDRESS = /^[\p{L}\d][\p{L}\d' .,/°-]*$/u;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Digits OCR reads as look-alike letters, where only digits can stand. */
function asDigits(text: string): string {
  return text.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
}

/** A date as dd/mm/yyyy: OCR's look-alikes and spaces around the slashes put right, anything else refused. */
function dateOf(text: string): string | null {
  const compact = asDigits(text.replace(/\s*([/.-])\s*/g, '$1')).replace(/[.-]/g, '/');
  return validDate(compact) ? compact : null;
}

type Shape = (text: string) => string | null;

function phoneOf(text: string): string | null {
  const digits = asDigits(text);
  return /^\+?\d[\d ./-]{4,}\d$/.test(digits) ? digits : null;
}

const matches = (pattern: RegExp): Shape => (text) => (pattern.test(text) ? text : null);

const SHAPES: Record<Exclude<FormFieldName, 'tipo_profilo'>, Shape> = {
  cognome: matches(NAME),
  nome: matches(NAME),
  codice_fiscale: (text) => fiscalCodeInText(text),
  sesso: (text) => (/^[MF]$/.test(text) ? text : null),
  data_nascita: dateOf,
  cittadinanza: matches(NAME),
  comune_nascita: matches(NAME),
  provincia_nascita: matches(/^[A-Z]{2}$/),
  stato_estero_nascita: matches(NAME),
  indirizzo_residenza: matches(ADDRESS),
  cap_residenza: (text) => (/^\d{5}$/.test(asDigits(text)) ? asDigits(text) : null),
  comune_residenza: matches(NAME),
  provincia_residenza: matches(/^[A-Z]{2}$/),
  telefono: phoneOf,
  cellulare: phoneOf,
  email: matches(EMAIL),
  pec: matches(EMAIL),
  ordine_provincia: matches(NAME),
  ordine_numero: matches(/^[A-Z0-9][A-Z0-9 /-]*$/i),
  struttura_denominazione: matches(ADDRESS),
  struttura_codice: matches(/^[A-Z0-9][A-Z0-9 ./-]*$/i),
  struttura_indirizzo: matches(ADDRESS),
  struttura_pec: matches(EMAIL),
  ruolo_struttura: matches(ADDRESS),
  documento_tipo: matches(ADDRESS),
  documento_numero: matches(/^[A-Z0-9]{5,}$/),
  documento_rilasciato_da: matches(ADDRESS),
  documento_data_rilascio: dateOf,
  documento_data_scadenza: dateOf,
  luogo_data: (text) => {
    const m = /^(\p{L}[\p{L}' .-]*?)\s*,\s*(.+)$/u.exec(text);
    const date = m ? dateOf(m[2]) : null;
    return m && date && NAME.test(m[1]) ? `${m[1]}, ${date}` : null;
  },
};

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const EMAIL_CHARACTERS = `${LOWER}${UPPER}${DIGITS}@._-+`;

/**
 * The characters a zone may hold, for a second OCR pass when the first gave text without the
 * field's shape: a date cannot contain an `S`, an e-mail address no `|`. Fields with spaces inside
 * (names, addresses, phone numbers) have none: with a list tesseract drops the spaces.
 */
const CHARACTERS: Partial<Record<FormFieldName, string>> = {
  codice_fiscale: UPPER + DIGITS,
  sesso: 'MF',
  data_nascita: `${DIGITS}/`,
  provincia_nascita: UPPER,
  provincia_residenza: UPPER,
  cap_residenza: DIGITS,
  email: EMAIL_CHARACTERS,
  pec: EMAIL_CHARACTERS,
  struttura_pec: EMAIL_CHARACTERS,
  ordine_numero: `${UPPER}${DIGITS}/-`,
  struttura_codice: `${UPPER}${DIGITS}/.-`,
  documento_numero: UPPER + DIGITS,
  documento_data_rilascio: `${DIGITS}/`,
  documento_data_scadenza: `${DIGITS}/`,
};

export function zoneCharacters(name: FormFieldName): string | undefined {
  return CHARACTERS[name];
}

/** Fields with no space in them: OCR's spaces around `@`, `.` or inside a code are its own. */
const UNSPACED = new Set<FormFieldName>(['codice_fiscale', 'email', 'pec', 'struttura_pec', 'documento_numero', 'data_nascita', 'documento_data_rilascio', 'documento_data_scadenza', 'cap_residenza', 'sesso', 'provincia_nascita', 'provincia_residenza']);

/** OCR text of a one-line zone as a value: spaces evened out, typographic quotes made plain. */
export function cleanZoneText(text: string): string {
  return text.replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** The field's value in the OCR'd text, or null when the text does not have the field's shape. */
export function zoneValue(name: Exclude<FormFieldName, 'tipo_profilo'>, text: string): string | null {
  const clean = UNSPACED.has(name) ? cleanZoneText(text).replace(/ /g, '') : cleanZoneText(text);
  return clean === '' ? null : SHAPES[name](clean);
}

const MONTHS = 'ABCDEHLMPRST';
const OMOCODIA = 'LMNPQRSTUV';

/** Birth date (dd/mm/yy) and sex a codice fiscale encodes. */
function encoded(code: string): { day: number; month: number; year: number; sex: 'M' | 'F' } {
  const digit = (c: string) => (OMOCODIA.includes(c) ? String(OMOCODIA.indexOf(c)) : c);
  const day = Number(digit(code[9]) + digit(code[10]));
  return { day: day > 40 ? day - 40 : day, month: MONTHS.indexOf(code[8]) + 1, year: Number(digit(code[6]) + digit(code[7])), sex: day > 40 ? 'F' : 'M' };
}

/**
 * Which values of a scanned form something can refute: a codice fiscale read with a valid check
 * letter, and the birth date and sex when they agree with what that code encodes.
 */
export function confirmedFields(values: Partial<Record<FormFieldName, string>>): Set<FormFieldName> {
  const confirmed = new Set<FormFieldName>();
  const code = values.codice_fiscale;
  if (!code) return confirmed;
  confirmed.add('codice_fiscale');
  const e = encoded(code);
  if (values.sesso === e.sex) confirmed.add('sesso');
  const m = values.data_nascita ? DATE.exec(values.data_nascita) : null;
  if (m && Number(m[1]) === e.day && Number(m[2]) === e.month && Number(m[3]) % 100 === e.year) confirmed.add('data_nascita');
  return confirmed;
}
