import { describe, expect, it } from 'vitest';
import { compareNames, normaliseName } from '../../../shared/identity/names';

describe('normaliseName', () => {
  it.each([
    ['De Nicolò', 'DE NICOLO'],
    ["DE NICOLO'", 'DE NICOLO'],
    ["D'Angelo", 'DANGELO'],
    ['  rossi-bianchi  ', 'ROSSI BIANCHI'],
    ['MARIA<<ANNA<', 'MARIA ANNA'],
    ['Müller', 'MULLER'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe('compareNames', () => {
  it.each([
    ["D'ANGELO", 'DANGELO', {}, 'same'],
    ["D'ANGELO", 'D ANGELO', {}, 'same'],
    ['D’Angelo', 'D<ANGELO', {}, 'same'],
    ["DE NICOLO'", 'DE NICOLÒ', {}, 'same'],
    ['Niccolò', 'NICCOLO', {}, 'same'],
    ['ROSSI-BIANCHI', 'ROSSI BIANCHI', {}, 'same'],
    ['Müller', 'MUELLER', {}, 'same'],
    ['Müller', 'MULLER', {}, 'same'],
    ['Ångström', 'AANGSTROEM', {}, 'same'],
    ['MARIA ANNA', 'ANNA MARIA', { anyOrder: true }, 'same-other-order'],
    ['MARIA ANNA', 'ANNA MARIA', {}, 'different'],
    ['ROSSI', 'ROSSO', {}, 'different'],
    ['MARIA', 'MARIO', { anyOrder: true }, 'different'],
    ['ANNA MARIA GIOVANNA', 'ANNA MARIA GIO', { bMayBeTruncated: true }, 'mrz-truncation'],
    ['ANNA MARIA GIOVANNA', 'ANNA MARIA GIO', {}, 'different'],
    // Truncation only ever shortens the MRZ side.
    ['ANNA', 'ANNA MARIA', { bMayBeTruncated: true }, 'different'],
    ['', '', {}, 'different'],
    ['ROSSI', '   ', {}, 'different'],
    ["'", "'", {}, 'different'],
  ] as const)('%s vs %s %o → %s', (a, b, options, expected) => {
    expect(compareNames(a, b, options)).toBe(expected);
  });
});
