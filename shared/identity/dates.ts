/**
 * Dates as printed on Italian documents and forms, to ISO YYYY-MM-DD. Anything ambiguous or
 * impossible gives null: a date is never guessed.
 */

const MONTHS: Record<string, number> = {
  GEN: 1, JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAG: 5, MAY: 5,
  GIU: 6, JUN: 6,
  LUG: 7, JUL: 7,
  AGO: 8, AUG: 8,
  SET: 9, SEP: 9,
  OTT: 10, OCT: 10,
  NOV: 11,
  DIC: 12, DEC: 12,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC_DATE = /^(\d{1,2})\s*[/.\s-]\s*(\d{1,2})\s*[/.\s-]\s*(\d{4})$/;
/** `01 NOV/NOV 1990`, `31 LUG/JUL 2023`, `31 LUG 2023`, `31/JUL/2023`. */
const MONTH_NAME_DATE = /^(\d{1,2})\s*[\s/.-]\s*([A-Z]{3})(?:\s*\/\s*([A-Z]{3}))?\s*[\s/.-]\s*(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date from its parts, or null if the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/**
 * Parses dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy, dd mm yyyy, bilingual passport months and ISO
 * dates. Two-digit years are refused: their century would be a guess.
 */
export function parseDocumentDate(value: string): string | null {
  const text = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (isIsoDate(text)) return text;
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = MONTH_NAME_DATE.exec(text);
  if (named) {
    const first = MONTHS[named[2]];
    const second = named[3] === undefined ? first : MONTHS[named[3]];
    if (first === undefined || second === undefined || first !== second) return null;
    return isoDate(Number(named[4]), first, Number(named[1]));
  }
  return null;
}

/** YYYY-MM-DD → dd/mm/yyyy for messages; anything else is returned unchanged. */
export function isoToItalianDate(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** Whole years between two ISO dates (birthday not yet reached counts one less). */
export function yearsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number);
  const [ty, tm, td] = toIso.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Today as YYYY-MM-DD in local time (the counter's calendar day). */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '';
}
