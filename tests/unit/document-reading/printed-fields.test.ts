/**
 * Printed fields found by their labels, on OCR line fixtures (no OCR runs here): whole labels, the
 * value under or beside its label by geometry, and nothing rather than a shifted or label value.
 */
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage } from '../../../shared/document-reading/ocr-engine';
import { findLabels, isLabelLine } from '../../../shared/document-reading/text-patterns';
import { extractPrintedFields, unreadValueAreas, type SideKind } from '../../../shared/document-reading/viz-extraction';

/** One OCR line at (x, y), its words cut at spaces with widths proportional to their letters. */
function line(text: string, x: number, y: number, height = 14, charWidth = height * 0.62): OcrLine {
  let cursor = x;
  const words = text.split(' ').map((word) => {
    const box = { x: cursor, y, width: word.length * charWidth, height };
    cursor += (word.length + 1) * charWidth;
    return { text: word, confidence: 92, box };
  });
  return { text, confidence: 92, box: { x, y, width: cursor - charWidth - x, height }, words };
}

/** Small label type and the larger value type of an ID card. */
const label = (text: string, x: number, y: number) => line(text, x, y, 14);
const value = (text: string, x: number, y: number) => line(text, x, y, 24, 17);

/** One OCR line made of pieces printed at their own x (a row of columns that OCR joined). */
function row(...pieces: OcrLine[]): OcrLine {
  const words = pieces.flatMap((p) => p.words);
  const x = Math.min(...words.map((w) => w.box.x));
  const right = Math.max(...words.map((w) => w.box.x + w.box.width));
  return { text: pieces.map((p) => p.text).join(' '), confidence: 92, box: { x, y: pieces[0].box.y, width: right - x, height: pieces[0].box.height }, words };
}

const values = (kind: SideKind, lines: OcrLine[]) => {
  const fields = extractPrintedFields(kind, { lines } satisfies OcrPage);
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.value]).filter(([, v]) => v !== undefined));
};
const CIE_FRONT: SideKind = { documentType: 'CIE', side: 'front' };

/** The Ministry's CIE 3.0 front as OCR gives it: labels above values, one row of three labels. */
const cie3Front = (dx = 0, dy = 0): OcrLine[] => [
  label('REPUBBLICA ITALIANA', 120 + dx, 30 + dy),
  value('CA00000AA', 800 + dx, 40 + dy),
  label("MINISTERO DELL'INTERNO", 120 + dx, 50 + dy),
  label('CARTA DI IDENTITÀ / IDENTITY CARD', 320 + dx, 90 + dy),
  label('COMUNE DI / MUNICIPALITY', 320 + dx, 130 + dy),
  value('ROMA', 320 + dx, 150 + dy),
  label('COGNOME / SURNAME', 320 + dx, 190 + dy),
  value('BIANCHI', 322 + dx, 210 + dy),
  label('NOME / NAME', 320 + dx, 250 + dy),
  value('MARIA GRAZIA', 322 + dx, 270 + dy),
  label('LUOGO E DATA DI NASCITA / PLACE AND DATE OF BIRTH', 320 + dx, 310 + dy),
  value('SAN GIOVANNI IN PERSICETO (BO) 03.02.1979', 322 + dx, 330 + dy),
  row(label('SESSO / SEX', 320 + dx, 370 + dy), label('STATURA / HEIGHT', 440 + dx, 370 + dy), label('CITTADINANZA / NATIONALITY', 600 + dx, 370 + dy)),
  row(value('F', 322 + dx, 390 + dy), value('165', 442 + dx, 390 + dy), value('ITA', 602 + dx, 390 + dy)),
  row(label('EMISSIONE / ISSUING', 320 + dx, 430 + dy), label('SCADENZA / EXPIRY', 600 + dx, 430 + dy)),
  row(value('12.05.2021', 322 + dx, 450 + dy), value('03.02.2032', 602 + dx, 450 + dy)),
  label("FIRMA DEL TITOLARE / HOLDER'S SIGNATURE", 320 + dx, 490 + dy),
  value('123456', 860 + dx, 600 + dy),
];

describe('whole labels', () => {
  it('matches bilingual labels as one label, whatever OCR made of the slash', () => {
    expect(findLabels(['COGNOME', '/', 'SURNAME'])).toEqual([{ key: 'surname', start: 0, end: 3 }]);
    expect(findLabels(['COGNOME', '|', 'SURNAME'])).toEqual([{ key: 'surname', start: 0, end: 3 }]);
    expect(findLabels(['C0GNOME', '/', 'SURNAME']).map((l) => l.key)).toEqual(['surname']);
    expect(findLabels("LUOGO'E DATA DI NASCITA / PLACE AND DATE OF BIRTH".split(' ')).map((l) => l.key)).toEqual(['birthPlaceAndDate']);
    expect(findLabels(['SESSO.', 'SEX']).map((l) => l.key)).toEqual(['sex']);
    expect(findLabels(['SESSO', '/', 'SEX', 'STATURA', '/', 'HEIGHT']).map((l) => l.key)).toEqual(['sex', 'height']);
  });

  it("takes the CIE back's parents' label as one label, never as the surname's", () => {
    const parents = "COGNOME E NOME DEL PADRE E DELLA MADRE O DI CHI NE FA LE VECI / FATHER AND MOTHER'S-TUTOR'S NAME".split(' ');
    expect(findLabels(parents).map((l) => l.key)).toEqual(['parents']);
    // One word misread, or OCR cut the line short: still not the surname, nor the given names.
    expect(findLabels('COGNOME E NOME DEL PADRE E DELLA MADRE O DI CHI NE FA LE VEC1'.split(' ')).map((l) => l.key)).toEqual(['parents']);
    expect(findLabels('COGNOME E NOME DEL'.split(' ')).map((l) => l.key)).not.toContain('surname');
    expect(findLabels('COGNOME E NOME DEL'.split(' ')).map((l) => l.key)).not.toContain('givenNames');
  });

  it('takes a one-word label only as printed: SESTO (a birth place) is not SESSO', () => {
    expect(findLabels('SESTO SAN GIOVANNI (MI) 12.10.1981'.split(' '))).toEqual([]);
    expect(findLabels(['SESS0']).map((l) => l.key)).toEqual([]);
    expect(findLabels(['CITTADINANZE']).map((l) => l.key)).toEqual(['nationality']);
  });

  it('tells label lines from value lines', () => {
    expect(isLabelLine('COGNOME / SURNAME')).toBe(true);
    expect(isLabelLine('SESSO / SEX STATURA / HEIGHT CITTADINANZA / NATIONALITY')).toBe(true);
    expect(isLabelLine('COGNOME ROSSI')).toBe(false);
    expect(isLabelLine('NOMELLINI')).toBe(false);
  });
});

describe('CIE front by its labels', () => {
  const expected = {
    documentNumber: 'CA00000AA',
    surname: 'BIANCHI',
    givenNames: 'MARIA GRAZIA',
    birthPlace: 'SAN GIOVANNI IN PERSICETO',
    birthDate: '1979-02-03',
    sex: 'F',
    nationality: 'ITA',
    issueDate: '2021-05-12',
    expiryDate: '2032-02-03',
  };

  it('reads the real CIE 3.0 layout, a long birth place running past its label', () => {
    expect(values(CIE_FRONT, cie3Front())).toEqual(expected);
  });

  it('does not depend on where the layout sits, nor on the order OCR gives the lines', () => {
    expect(values(CIE_FRONT, cie3Front(-140, 95).reverse())).toEqual(expected);
  });

  it('leaves a field empty when its value was not read, and never shifts the next one into it', () => {
    const lines = cie3Front().filter((l) => l.text !== 'BIANCHI');
    const fields = values(CIE_FRONT, lines);
    expect(fields.surname).toBeUndefined();
    expect(fields.givenNames).toBe('MARIA GRAZIA');
  });

  it('says where a value was not read, so that area can be read again', () => {
    const lines = cie3Front().filter((l) => l.text !== 'BIANCHI');
    const areas = unreadValueAreas(CIE_FRONT, { lines });
    expect(areas).toHaveLength(1);
    const [area] = areas;
    // The area lies under COGNOME / SURNAME and holds where the surname is printed.
    expect(area.y).toBeGreaterThan(190);
    expect(area.y + area.height).toBeGreaterThan(210 + 24);
    expect(area.x).toBeLessThanOrEqual(322);
    const reread = value('BIANCHI', 322, 210);
    expect(extractPrintedFields(CIE_FRONT, { lines: [...lines, reread] }).surname?.value).toBe('BIANCHI');
    expect(unreadValueAreas(CIE_FRONT, { lines: cie3Front() })).toEqual([]);
  });

  it('leaves a field empty when its label was not read (no position is assumed)', () => {
    const fields = values(CIE_FRONT, cie3Front().filter((l) => !l.text.startsWith('NOME')));
    expect(fields.givenNames).toBeUndefined();
    expect(fields.surname).toBe('BIANCHI');
  });

  it('takes each value of a row from its own column', () => {
    const lines = cie3Front().map((l) => (l.text === 'F 165 ITA' ? value('165', 442, 390) : l));
    const fields = values(CIE_FRONT, lines);
    expect(fields.sex).toBeUndefined();
    expect(fields.nationality).toBeUndefined();
  });

  it('reads a card scanned a little askew: rows and columns follow the text, evidence boxes stay on the image', () => {
    const slope = Math.tan((-2 * Math.PI) / 180);
    const skew = (l: OcrLine): OcrLine => {
      const move = (b: OcrLine['box']) => ({ ...b, y: b.y + slope * (b.x + b.width / 2) });
      return { ...l, box: move(l.box), words: l.words.map((w) => ({ ...w, box: move(w.box) })) };
    };
    const lines = cie3Front().map(skew);
    const fields = extractPrintedFields(CIE_FRONT, { lines });
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.value]))).toEqual(expected);
    expect(fields.surname?.box).toEqual(lines.find((l) => l.text === 'BIANCHI')?.words[0].box);
  });

  it("never takes a value from another column when that column's label is out of the row (the province under 'Provincia')", () => {
    const lines = [
      label('Luogo di nascita', 65, 397),
      label('Provincia', 506, 380),
      value('CB', 506, 408),
      value('CAMPOBASSO', 66, 418),
      label('Data di nascita', 67, 463),
      value('13/12/2027', 512, 470),
      { ...value('LANA', 89, 479), confidence: 0, words: [{ ...value('LANA', 89, 479).words[0], confidence: 0, box: { x: 89, y: 479, width: 371, height: 132 } }] },
      value('04/11/1991', 67, 484),
    ];
    expect(values({ documentType: 'HEALTH_CARD', side: 'single' }, lines)).toEqual({ birthPlace: 'CAMPOBASSO', birthDate: '1991-11-04' });
  });

  it("gives no surname on the back's parents' label, whatever the side was taken for", () => {
    const back = [
      label("COGNOME E NOME DEL PADRE E DELLA MADRE O DI CHI NE FA LE VECI / FATHER AND MOTHER'S-TUTOR'S NAME", 40, 30),
      value('ROSSI GIUSEPPE BIANCHI ANNA', 40, 50),
      label('CODICE FISCALE / FISCAL CODE', 40, 90),
      value('BNCMGR79B43G467X', 40, 110),
      label('INDIRIZZO DI RESIDENZA / RESIDENCE', 40, 150),
      value('VIA ROMA 1 BOLOGNA (BO)', 40, 170),
    ];
    for (const kind of [CIE_FRONT, { documentType: 'PAPER_ID', side: 'single' } as const, { documentType: 'PASSPORT', side: 'single' } as const]) {
      const fields = values(kind, back);
      expect(fields.surname, kind.documentType).toBeUndefined();
      expect(fields.givenNames, kind.documentType).toBeUndefined();
    }
  });

  it('never reads a label as a value', () => {
    const lines = [label('COGNOME / SURNAME', 320, 190), label('NOME / NAME', 320, 215), value('MARIO', 322, 235)];
    const fields = values(CIE_FRONT, lines);
    expect(fields.surname).toBeUndefined();
    expect(fields.givenNames).toBe('MARIO');
  });
});

describe('the other Italian documents', () => {
  it('passport: labels above values, the sex in its own column of the birth-date row', () => {
    const lines = [
      row(label('Tipo / Type', 480, 156), label('Codice Paese / Country Code', 696, 156), label('Passaporto N. / Passport No.', 1104, 156)),
      row(value('P', 482, 180), value('ITA', 698, 180), value('YA1234567', 1106, 180)),
      label('Cognome / Surname', 481, 240),
      value("D'ANGELO", 483, 265),
      label('Nome / Given names', 481, 324),
      value('NICOLÒ', 483, 349),
      label('Cittadinanza / Nationality', 481, 408),
      value('ITALIANA', 482, 432),
      row(label('Data di nascita / Date of birth', 481, 486), label('Sesso / Sex', 1140, 486)),
      row(value('01 NOV/NOV 1990', 483, 510), value('M', 1142, 510)),
      label('Luogo di nascita / Place of birth', 481, 563),
      value('NAPOLI (NA)', 482, 588),
      row(label('Data di rilascio / Date of issue', 481, 641), label('Autorità / Authority', 1020, 641)),
      row(value('31 LUG/JUL 2023', 482, 665), value('MINISTRO AFFARI ESTERI', 1022, 665)),
      label('Data di scadenza / Date of expiry', 481, 720),
      value('30 LUG/JUL 2033', 482, 744),
    ];
    expect(values({ documentType: 'PASSPORT', side: 'single' }, lines)).toEqual({
      documentNumber: 'YA1234567',
      surname: "D'ANGELO",
      givenNames: 'NICOLÒ',
      nationality: 'ITA',
      birthDate: '1990-11-01',
      sex: 'M',
      birthPlace: 'NAPOLI',
      issueDate: '2023-07-31',
      expiryDate: '2033-07-30',
    });
  });

  it('passport: a birth place whose bracketed province OCR broke is the name before it, or nothing', () => {
    const page = (place: string) => [label('Luogo di nascita / Place of birth', 481, 563), value(place, 482, 588)];
    const place = (text: string) => values({ documentType: 'PASSPORT', side: 'single' }, page(text)).birthPlace;
    expect(place('BERGAMO (')).toBe('BERGAMO');
    expect(place('ROMA RM)')).toBe('ROMA');
    expect(place('ROMA (RM')).toBe('ROMA');
    expect(place('ROMA RM')).toBeUndefined();
    expect(place('FRANCIA')).toBe('FRANCIA');
  });

  it('never takes the tail of a value whose start lies left of the label OCR found (only "Place of birth" read)', () => {
    const lines = [row(label('Luogoldiffascita', 481, 563), label('/ Place of birth', 683, 563)), value('SAN GIOVANNI ROTONDO (FG)', 482, 588)];
    expect(values({ documentType: 'PASSPORT', side: 'single' }, lines).birthPlace).toBeUndefined();
  });

  it('health card: the birth place stops where the province column starts', () => {
    const lines = [
      label('TESSERA SANITARIA', 48, 49),
      label('Codice fiscale', 49, 144),
      value('DNGNCL90S01F839P', 51, 169),
      label('Cognome', 49, 222),
      value("D'ANGELO", 51, 246),
      label('Nome', 50, 294),
      value('NICOLÒ', 51, 313),
      row(label('Luogo di nascita', 50, 366), label('Provincia', 528, 366)),
      row(value('NAPOLI', 50, 386), value('NA', 528, 386)),
      row(label('Data di nascita', 50, 438), label('Sesso', 360, 438)),
      label('Data di scadenza', 528, 438),
      row(value('01/11/1990', 51, 462), value('M', 362, 462)),
      value('30/06/2029', 528, 462),
    ];
    expect(values({ documentType: 'HEALTH_CARD', side: 'single' }, lines)).toEqual({
      surname: "D'ANGELO",
      givenNames: 'NICOLÒ',
      birthPlace: 'NAPOLI',
      birthDate: '1990-11-01',
      sex: 'M',
      expiryDate: '2029-06-30',
    });
  });

  it('health card without its small labels: only the birth date and sex the codice fiscale encodes', () => {
    const lines = [
      value('SRRGMR53E07E506W', 28, 176),
      value('SERRA', 28, 229),
      value('GIAN MARCO', 27, 301),
      value('LECCE LE', 28, 384),
      value('07/05/1953 M 15/04/2026', 27, 458),
    ];
    expect(values({ documentType: 'HEALTH_CARD', side: 'single' }, lines)).toEqual({ surname: 'SERRA', givenNames: 'GIAN MARCO', birthDate: '1953-05-07', sex: 'M' });
    // A code that encodes another day confirms no date; one of a woman born that day, no M.
    const withCode = (code: string) => values({ documentType: 'HEALTH_CARD', side: 'single' }, [value(code, 28, 176), ...lines.slice(1)]);
    expect(withCode('SRRGMR53E08E506Y')).toEqual({ surname: 'SERRA', givenNames: 'GIAN MARCO' });
    expect(withCode('SRRGMR53E47E506A')).toEqual({ surname: 'SERRA', givenNames: 'GIAN MARCO', birthDate: '1953-05-07' });
  });

  it('paper ID: each value after its label on the same line', () => {
    const lines = [
      value('COMUNE DI ROMA', 478, 105),
      value("CARTA D'IDENTITÀ N. AU1485132", 73, 177),
      value('Cognome ROSSI', 73, 265),
      value('Nome MARIO', 74, 325),
      value('nato il 12/04/1985', 74, 385),
      value('a ROMA (RM)', 73, 444),
      value('Cittadinanza ITALIANA', 73, 505),
      value('Rilasciata il 02/05/2018 Scadenza 12/04/2028', 74, 784),
    ];
    expect(values({ documentType: 'PAPER_ID', side: 'single' }, lines)).toEqual({
      documentNumber: 'AU1485132',
      surname: 'ROSSI',
      givenNames: 'MARIO',
      birthDate: '1985-04-12',
      birthPlace: 'ROMA',
      issueDate: '2018-05-02',
      expiryDate: '2028-04-12',
      nationality: 'ITA',
    });
  });
});
