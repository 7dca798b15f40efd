import { describe, expect, it } from 'vitest';
import { fiscalCodeConsistency, parseFiscalCode, resolveBirthPlaces } from '../../../shared/identity/fiscal-code';
import { placeMentions, placeNamesMatch } from '../../../shared/identity/place-names';

const TODAY = '2026-11-23';

/** Independent check letter (odd/even tables of DM 23/12/1976), not the library under test. */
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
function checkLetter(first15: string): string {
  let sum = 0;
  [...first15].forEach((ch, i) => {
    const n = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? (/\d/.test(ch) ? ODD[Number(ch)] : ODD[n]) : n;
  });
  return String.fromCharCode(65 + (sum % 26));
}
const cf = (first15: string) => first15 + checkLetter(first15);

const MARIO = cf('RSSMRA85D12H501'); // Mario Rossi, M, 12/04/1985, Roma
const MARIA = cf('DNCMNN85D52H501'); // Maria Anna De Nicolò, F, 12/04/1985, Roma
const FRANCE = cf('MLLHNS70A01Z110'); // Hans Müller, M, 01/01/1970, Francia
const OMOCODIC = cf('RSSMRA85D12H50M'); // MARIO with the last digit of the place omocodised
const SUPPRESSED = cf('BNCGPP20A01A994'); // born 1920 in Borghetto San Nicolò (IM), suppressed 1928

describe('parseFiscalCode', () => {
  it('agrees with the published example RSSMRA85T10A562S (anchors the test helper too)', () => {
    expect(cf('RSSMRA85T10A562')).toBe('RSSMRA85T10A562S');
    expect(parseFiscalCode('RSSMRA85T10A562S', { today: TODAY })).toMatchObject({ valid: true, birthDate: '1985-12-10', sex: 'M', belfioreCode: 'A562' });
  });

  it('decodes a well-formed code', () => {
    const r = parseFiscalCode(MARIO, { today: TODAY });
    expect(r).toMatchObject({ valid: true, wellFormed: true, checkLetterValid: true, omocodic: false, birthDate: '1985-04-12', sex: 'M', belfioreCode: 'H501', surnameCode: 'RSS', givenNamesCode: 'MRA' });
    expect(r.deomocoded).toBe(MARIO);
  });

  it('decodes a woman (day + 40)', () => {
    expect(parseFiscalCode(MARIA, { today: TODAY })).toMatchObject({ valid: true, sex: 'F', birthDate: '1985-04-12' });
  });

  it('accepts an omocodic code and gives its base form', () => {
    const r = parseFiscalCode(OMOCODIC, { today: TODAY });
    expect(r).toMatchObject({ valid: true, omocodic: true, belfioreCode: 'H501', birthDate: '1985-04-12' });
    expect(r.deomocoded).toBe(MARIO);
  });

  it('accepts a fully omocodic code', () => {
    // 8→U 5→R 1→M 2→N 5→R 0→L 1→M
    const r = parseFiscalCode(cf('RSSMRAURDMNHRLM'), { today: TODAY });
    expect(r.valid).toBe(true);
    expect(r.deomocoded).toBe(MARIO);
  });

  it('normalises lowercase and spaces', () => {
    const spaced = `${MARIO.slice(0, 6).toLowerCase()} ${MARIO.slice(6, 11)} ${MARIO.slice(11).toLowerCase()}`;
    const r = parseFiscalCode(spaced, { today: TODAY });
    expect(r.valid).toBe(true);
    expect(r.normalised).toBe(MARIO);
  });

  it('flags a wrong check letter and says which one is expected', () => {
    const wrong = MARIO.slice(0, 15) + (MARIO[15] === 'A' ? 'B' : 'A');
    const r = parseFiscalCode(wrong, { today: TODAY });
    expect(r).toMatchObject({ wellFormed: true, checkLetterValid: false, valid: false, expectedCheckLetter: MARIO[15] });
  });

  it.each([
    ['2005 not 1905', cf('RSSMRA05A01H501'), '2005-01-01'],
    ['1930 not 2030', cf('RSSMRA30A01H501'), '1930-01-01'],
    ['born today', cf('RSSMRA26S23H501'), '2026-11-23'],
    ['tomorrow is 1926', cf('RSSMRA26S24H501'), '1926-11-24'],
  ])('chooses the century: %s', (_label, code, expected) => {
    expect(parseFiscalCode(code, { today: TODAY }).birthDate).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['too short', MARIO.slice(0, 15)],
    ['too long', `${MARIO}X`],
    ['month letter that does not exist', cf('RSSMRA85Z12H501')],
    ['day 32', cf('RSSMRA85D32H501')],
    ['31 April', cf('RSSMRA85D31H501')],
    ['day 00', cf('RSSMRA85D00H501')],
    ['29 Feb in a common year', cf('RSSMRA85B29H501')],
    ['digits where letters go', cf('R55MRA85D12H501')],
    ['punctuation', 'RSSMRA85D12H501!'],
  ])('refuses %s', (_label, code) => {
    const r = parseFiscalCode(code, { today: TODAY });
    expect(r.valid).toBe(false);
  });

  it('never throws on junk', () => {
    for (const junk of ['%%%%', '\u0000'.repeat(16), 'ÀÈÌÒÙ'.repeat(4), ' '.repeat(40)]) expect(parseFiscalCode(junk, { today: TODAY }).valid).toBe(false);
  });
});

describe('resolveBirthPlaces', () => {
  it('finds comuni, foreign states and suppressed comuni', async () => {
    const places = await resolveBirthPlaces([MARIO, FRANCE, SUPPRESSED, 'F205', null, 'not a code'], TODAY);
    expect(places.byCode('H501')).toMatchObject({ name: 'ROMA', province: 'RM', foreign: false, suppressed: false });
    expect(places.byCode('Z110')).toMatchObject({ name: 'FRANCIA', province: null, foreign: true });
    expect(places.byCode('A994')).toMatchObject({ name: 'BORGHETTO SAN NICOLÒ', province: 'IM', suppressed: true });
    expect(places.byCode('F205')).toMatchObject({ name: 'MILANO' });
    expect(places.byCode('Z999')).toBeNull();
    expect(parseFiscalCode(OMOCODIC, { today: TODAY, places }).birthPlace?.name).toBe('ROMA');
  });

  it('leaves an unknown Belfiore code without a place', async () => {
    const unknown = cf('RSSMRA85D12Z998');
    const places = await resolveBirthPlaces([unknown], TODAY);
    expect(parseFiscalCode(unknown, { today: TODAY, places }).birthPlace).toBeNull();
  });
});

describe('fiscalCodeConsistency', () => {
  const mario = { surname: 'ROSSI', givenNames: 'MARIO', birthDate: '1985-04-12', sex: 'M' as const, birthPlace: 'ROMA' };
  const all = (value: string) => ({ surname: value, givenNames: value, birthDate: value, sex: value, birthPlace: value });

  it('matches the person it was computed for, also when omocodic', async () => {
    const places = await resolveBirthPlaces([MARIO], TODAY);
    expect(fiscalCodeConsistency(parseFiscalCode(MARIO, { today: TODAY, places }), mario)).toEqual(all('match'));
    expect(fiscalCodeConsistency(parseFiscalCode(OMOCODIC, { today: TODAY, places }), mario)).toEqual(all('match'));
  });

  it('matches accented, apostrophe and multiple-name people, names in any order', async () => {
    const places = await resolveBirthPlaces([MARIA], TODAY);
    const code = parseFiscalCode(MARIA, { today: TODAY, places });
    expect(fiscalCodeConsistency(code, { surname: "De Nicolo'", givenNames: 'Maria Anna', birthDate: '1985-04-12', sex: 'F', birthPlace: 'Roma' })).toEqual(all('match'));
    expect(fiscalCodeConsistency(code, { surname: 'DE NICOLÒ', givenNames: 'ANNA MARIA', birthDate: '1985-04-12', sex: 'F', birthPlace: 'ROMA' }).givenNames).toBe('match');
    const dangelo = parseFiscalCode(cf('DNGLCU90A01F205'), { today: TODAY });
    expect(fiscalCodeConsistency(dangelo, { ...mario, surname: "D'ANGELO", givenNames: 'LUCA' }).surname).toBe('match');
    expect(fiscalCodeConsistency(dangelo, { ...mario, surname: 'D ANGELO', givenNames: 'LUCA' }).surname).toBe('match');
  });

  it('matches a foreign-born person by state name', async () => {
    const places = await resolveBirthPlaces([FRANCE], TODAY);
    const r = fiscalCodeConsistency(parseFiscalCode(FRANCE, { today: TODAY, places }), { surname: 'Müller', givenNames: 'Hans', birthDate: '1970-01-01', sex: 'M', birthPlace: 'Francia' });
    expect(r).toEqual(all('match'));
  });

  it('names each part that disagrees', async () => {
    const places = await resolveBirthPlaces([MARIO], TODAY);
    const code = parseFiscalCode(MARIO, { today: TODAY, places });
    expect(fiscalCodeConsistency(code, { surname: 'BIANCHI', givenNames: 'LUIGI', birthDate: '1985-04-13', sex: 'F', birthPlace: 'MILANO' })).toEqual(all('mismatch'));
    expect(fiscalCodeConsistency(code, { ...mario, birthDate: '1985-04-21' }).birthDate).toBe('mismatch');
  });

  it('does not hold the century against the person: a code cannot tell 1920 from 2020', async () => {
    const code = parseFiscalCode(SUPPRESSED, { today: TODAY });
    expect(code.birthDate).toBe('2020-01-01');
    const person = { surname: 'BIANCHI', givenNames: 'GIUSEPPE', birthDate: '1920-01-01', sex: 'M' as const, birthPlace: null };
    expect(fiscalCodeConsistency(code, person).birthDate).toBe('match');
  });

  it('says unknown rather than match when a side is missing', () => {
    const code = parseFiscalCode(MARIO, { today: TODAY });
    expect(fiscalCodeConsistency(code, { surname: null, givenNames: '', birthDate: null, sex: null, birthPlace: 'ROMA' })).toEqual(all('unknown'));
    expect(fiscalCodeConsistency(parseFiscalCode('garbage', { today: TODAY }), mario)).toEqual(all('unknown'));
  });
});

describe('placeNamesMatch', () => {
  it.each([
    ['BOLZANO/BOZEN', 'Bolzano', true],
    ['BOLZANO/BOZEN', 'BOZEN', true],
    ["SANT'ANGELO IN LIZZOLA", 'SANT ANGELO IN LIZZOLA', true],
    ['FORLÌ', "FORLI'", true],
    ['ROMA (RM)', 'Roma', true],
    ["REGGIO NELL'EMILIA", 'REGGIO EMILIA', true],
    ['REGGIO DI CALABRIA', 'Reggio Calabria', true],
    ['REGGIO DI CALABRIA', 'REGGIO EMILIA', false],
    ['ROMA', 'MILANO', false],
    ['ROMA', '', false],
    ['(RM)', '(RM)', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(placeNamesMatch(a, b)).toBe(expected);
  });

  it.each([
    ['MONACO DI BAVIERA (GERMANIA)', 'Germania', true],
    ['GERMANIA', 'GERMANIA', true],
    ['MONACO DI BAVIERA', 'GERMANIA', false],
    ['GERMANIAX', 'GERMANIA', false],
    ['ROMA', '', false],
  ])('%s mentions %s → %s', (text, place, expected) => {
    expect(placeMentions(text, place)).toBe(expected);
  });
});
