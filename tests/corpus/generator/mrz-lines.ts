/** Builds ICAO 9303 MRZ lines for the synthetic documents (the reading side lives in shared/identity). */

const WEIGHTS = [7, 3, 1];

function charValue(c: string): number {
  if (c === '<') return 0;
  if (/\d/.test(c)) return Number(c);
  return c.charCodeAt(0) - 55;
}

export function checkDigit(value: string): string {
  let sum = 0;
  for (let i = 0; i < value.length; i += 1) sum += charValue(value[i]) * WEIGHTS[i % 3];
  return String(sum % 10);
}

/** ICAO transliteration as Italian issuers apply it: accents dropped, apostrophes omitted, spaces become fillers. */
export function mrzName(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f']/g, '').toUpperCase().replace(/[^A-Z]+/g, '<');
}

function field(value: string, length: number): string {
  return (value + '<'.repeat(length)).slice(0, length);
}

function yymmdd(isoDate: string): string {
  return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}

export interface MrzInput {
  documentNumber: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: 'M' | 'F';
  expiryDate: string;
}

export function td1Lines(input: MrzInput): string[] {
  const number = field(input.documentNumber, 9);
  const line1 = 'C<ITA' + number + checkDigit(number) + '<'.repeat(15);
  const birth = yymmdd(input.birthDate);
  const expiry = yymmdd(input.expiryDate);
  const line2Body = birth + checkDigit(birth) + input.sex + expiry + checkDigit(expiry) + 'ITA' + '<'.repeat(11);
  const composite = checkDigit(line1.slice(5, 30) + line2Body.slice(0, 7) + line2Body.slice(8, 15) + line2Body.slice(18, 29));
  const line3 = field(mrzName(input.surname) + '<<' + mrzName(input.givenNames), 30);
  return [line1, line2Body + composite, line3];
}

export function td3Lines(input: MrzInput): string[] {
  const line1 = field('P<ITA' + mrzName(input.surname) + '<<' + mrzName(input.givenNames), 44);
  const number = field(input.documentNumber, 9);
  const birth = yymmdd(input.birthDate);
  const expiry = yymmdd(input.expiryDate);
  const personal = '<'.repeat(14);
  const body = number + checkDigit(number) + 'ITA' + birth + checkDigit(birth) + input.sex + expiry + checkDigit(expiry) + personal + '<';
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, body + composite];
}
