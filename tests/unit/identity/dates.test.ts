import { describe, expect, it } from 'vitest';
import { isIsoDate, isoToItalianDate, parseDocumentDate, yearsBetween } from '../../../shared/identity/dates';

describe('parseDocumentDate', () => {
  it.each([
    ['12/04/1985', '1985-04-12'],
    ['12.04.1985', '1985-04-12'],
    ['12-04-1985', '1985-04-12'],
    ['12 04 1985', '1985-04-12'],
    ['1/4/1985', '1985-04-01'],
    ['01 NOV/NOV 1990', '1990-11-01'],
    ['31 LUG/JUL 2023', '2023-07-31'],
    ['31 lug/jul 2023', '2023-07-31'],
    ['15 GEN/JAN 2001', '2001-01-15'],
    ['15 MAG/MAY 2001', '2001-05-15'],
    ['15 GIU/JUN 2001', '2001-06-15'],
    ['15 AGO/AUG 2001', '2001-08-15'],
    ['15 SET/SEP 2001', '2001-09-15'],
    ['15 OTT/OCT 2001', '2001-10-15'],
    ['15 DIC/DEC 2001', '2001-12-15'],
    ['15 DIC 2001', '2001-12-15'],
    ['15 DEC 2001', '2001-12-15'],
    ['29/02/2024', '2024-02-29'],
    ['1985-04-12', '1985-04-12'],
  ])('%s → %s', (input, expected) => {
    expect(parseDocumentDate(input)).toBe(expected);
  });

  it.each([
    ['31/02/2023'],
    ['29/02/2023'],
    ['32/01/2023'],
    ['00/01/2023'],
    ['12/13/2023'],
    ['12/04/85'],
    ['31 LUG/AUG 2023'],
    ['31 XYZ 2023'],
    ['31 SEP/SEP 2023'],
    ['1985-02-30'],
    [''],
    ['non leggibile'],
  ])('refuses %s', (input) => {
    expect(parseDocumentDate(input)).toBeNull();
  });
});

describe('date helpers', () => {
  it('checks ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });
  it('formats for messages', () => {
    expect(isoToItalianDate('1985-04-12')).toBe('12/04/1985');
  });
  it('counts whole years', () => {
    expect(yearsBetween('1985-04-12', '2026-04-11')).toBe(40);
    expect(yearsBetween('1985-04-12', '2026-04-12')).toBe(41);
  });
});
