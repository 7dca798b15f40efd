/**
 * SVG layouts of the synthetic documents. Positions are in millimetres on the real document size
 * (CIE and licence ID-1 85.6 × 54, passport data page ID-3 125 × 88, paper ID 105 × 74); the
 * renderer scales them. Layouts imitate the real documents closely enough for OCR, not for forgery:
 * every card carries "FAC-SIMILE" in the background.
 */

export const PX_PER_MM = 12;

export interface BarcodeOverlay {
  text: string;
  xMm: number;
  yMm: number;
  heightMm: number;
  widthMm: number;
}

export interface Layout {
  widthMm: number;
  heightMm: number;
  svg: string;
  barcode?: BarcodeOverlay;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
}

class Sheet {
  private readonly parts: string[] = [];
  constructor(
    readonly widthMm: number,
    readonly heightMm: number,
    tint: string,
    seed: number,
  ) {
    const w = widthMm * PX_PER_MM;
    const h = heightMm * PX_PER_MM;
    this.parts.push(`<rect width="${w}" height="${h}" rx="${3 * PX_PER_MM}" fill="${tint}"/>`);
    // Guilloche-like background lines: real documents have them, and they trouble OCR a little.
    for (let i = 0; i < 14; i += 1) {
      const amp = 4 + ((seed + i * 7) % 9);
      const period = 18 + ((seed * 3 + i * 5) % 23);
      const y0 = (i + 0.5) * (heightMm / 14);
      const pts: string[] = [];
      for (let x = 0; x <= widthMm; x += 1) pts.push(`${(x * PX_PER_MM).toFixed(1)},${((y0 + amp * 0.3 * Math.sin((x + seed) / period * 2 * Math.PI)) * PX_PER_MM).toFixed(1)}`);
      this.parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#c9d3dc" stroke-width="1.2"/>`);
    }
    this.parts.push(`<text x="${w * 0.55}" y="${h * 0.6}" font-family="DejaVu Sans" font-size="${6 * PX_PER_MM}" fill="#000" fill-opacity="0.045" text-anchor="middle" transform="rotate(-18 ${w * 0.55} ${h * 0.6})">FAC-SIMILE</text>`);
  }

  text(xMm: number, yMm: number, value: string, sizeMm: number, opts: { bold?: boolean; color?: string; font?: string; anchor?: string } = {}): this {
    const font = opts.font ?? 'DejaVu Sans';
    this.parts.push(
      `<text x="${xMm * PX_PER_MM}" y="${yMm * PX_PER_MM}" font-family="${font}" font-size="${sizeMm * PX_PER_MM}" font-weight="${opts.bold ? 'bold' : 'normal'}" fill="${opts.color ?? '#111'}" text-anchor="${opts.anchor ?? 'start'}">${esc(value)}</text>`,
    );
    return this;
  }

  /** A label in small blue type with its value below, as on Italian ID cards. */
  labelled(xMm: number, yMm: number, label: string, value: string, valueSizeMm = 2.6): this {
    this.text(xMm, yMm, label, 1.35, { color: '#2b4f7a' });
    this.text(xMm, yMm + valueSizeMm + 0.4, value, valueSizeMm, { bold: true });
    return this;
  }

  photo(xMm: number, yMm: number, wMm: number, hMm: number): this {
    const s = PX_PER_MM;
    this.parts.push(`<rect x="${xMm * s}" y="${yMm * s}" width="${wMm * s}" height="${hMm * s}" fill="#b9bec4"/>`);
    this.parts.push(`<ellipse cx="${(xMm + wMm / 2) * s}" cy="${(yMm + hMm * 0.38) * s}" rx="${wMm * 0.25 * s}" ry="${hMm * 0.2 * s}" fill="#8a9097"/>`);
    this.parts.push(`<ellipse cx="${(xMm + wMm / 2) * s}" cy="${(yMm + hMm) * s}" rx="${wMm * 0.45 * s}" ry="${hMm * 0.3 * s}" fill="#8a9097"/>`);
    return this;
  }

  /** MRZ in OCR-B at the ICAO pitch of 2.54 mm per character. */
  mrz(xMm: number, yMm: number, lines: string[], lineGapMm: number): this {
    lines.forEach((line, row) => {
      [...line].forEach((c, col) => this.text(xMm + col * 2.54, yMm + row * lineGapMm, c, 3.4, { font: 'OCR B' }));
    });
    return this;
  }

  box(xMm: number, yMm: number, wMm: number, hMm: number, fill: string): this {
    const s = PX_PER_MM;
    this.parts.push(`<rect x="${xMm * s}" y="${yMm * s}" width="${wMm * s}" height="${hMm * s}" fill="${fill}"/>`);
    return this;
  }

  svg(): string {
    const w = this.widthMm * PX_PER_MM;
    const h = this.heightMm * PX_PER_MM;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${this.parts.join('')}</svg>`;
  }
}

/** dd.mm.yyyy as printed on the CIE. */
export function dotted(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export function slashed(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const MONTHS_IT = ['GEN', 'FEB', 'MAR', 'APR', 'MAG', 'GIU', 'LUG', 'AGO', 'SET', 'OTT', 'NOV', 'DIC'];
const MONTHS_EN = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Passport style: 01 NOV/NOV 1990. */
export function bilingual(iso: string): string {
  const m = Number(iso.slice(5, 7)) - 1;
  return `${iso.slice(8, 10)} ${MONTHS_IT[m]}/${MONTHS_EN[m]} ${iso.slice(0, 4)}`;
}

export interface CieData {
  documentNumber: string;
  issuingComune: string;
  surname: string;
  givenNames: string;
  birthPlace: string;
  birthProvince: string;
  birthDate: string;
  sex: 'M' | 'F';
  issueDate: string;
  expiryDate: string;
  can: string;
  fiscalCode: string;
  residence: string;
  birthRecord: string;
  mrz: string[];
}

export function cieFront(d: CieData, seed: number): Layout {
  const s = new Sheet(85.6, 54, '#e9eef2', seed);
  s.text(30, 5.5, 'REPUBBLICA ITALIANA', 2.2, { bold: true, color: '#1d3b5c' });
  s.text(30, 8.6, "CARTA D'IDENTITÀ / IDENTITY CARD", 1.7, { color: '#1d3b5c' });
  s.text(82.5, 5.8, d.documentNumber, 3.0, { bold: true, color: '#a0262a', anchor: 'end' });
  s.photo(4, 12, 23, 29);
  s.labelled(30, 12.5, 'COMUNE DI / MUNICIPALITY', d.issuingComune, 2.2);
  s.labelled(30, 18.5, 'COGNOME / SURNAME', d.surname);
  s.labelled(30, 24.5, 'NOME / NAME', d.givenNames);
  s.labelled(30, 30.5, 'LUOGO E DATA DI NASCITA / PLACE AND DATE OF BIRTH', `${d.birthPlace} (${d.birthProvince}) ${dotted(d.birthDate)}`, 2.3);
  s.labelled(30, 36.5, 'SESSO / SEX', d.sex, 2.3);
  s.labelled(44, 36.5, 'STATURA / HEIGHT', '172', 2.3);
  s.labelled(62, 36.5, 'CITTADINANZA / NATIONALITY', 'ITA', 2.3);
  s.labelled(30, 42.5, 'EMISSIONE / DATE OF ISSUE', dotted(d.issueDate), 2.3);
  s.labelled(58, 42.5, 'SCADENZA / EXPIRY', dotted(d.expiryDate), 2.3);
  s.text(4, 45, 'FIRMA DEL TITOLARE', 1.2, { color: '#2b4f7a' });
  s.text(82.5, 51.5, d.can, 2.2, { bold: true, anchor: 'end' });
  return { widthMm: 85.6, heightMm: 54, svg: s.svg() };
}

export function cieBack(d: CieData, seed: number): Layout {
  const s = new Sheet(85.6, 54, '#e9eef2', seed + 11);
  s.labelled(4, 4.5, 'CODICE FISCALE / FISCAL CODE', d.fiscalCode, 2.4);
  s.labelled(4, 10.5, 'INDIRIZZO DI RESIDENZA / RESIDENCE', d.residence, 2.0);
  s.labelled(4, 16, 'ESTREMI ATTO DI NASCITA', d.birthRecord, 1.9);
  s.box(2, 31.5, 81.6, 21, '#f6f7f8');
  s.mrz(5.5, 37.5, d.mrz, 5.6);
  return { widthMm: 85.6, heightMm: 54, svg: s.svg(), barcode: { text: d.fiscalCode, xMm: 48, yMm: 20, heightMm: 8, widthMm: 35 } };
}

export interface PassportData {
  documentNumber: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  birthPlace: string;
  birthProvince: string;
  sex: 'M' | 'F';
  issueDate: string;
  expiryDate: string;
  mrz: string[];
}

export function passportPage(d: PassportData, seed: number): Layout {
  const s = new Sheet(125, 88, '#f1e9ee', seed);
  s.text(40, 6, 'REPUBBLICA ITALIANA', 2.6, { bold: true, color: '#6b1f3a' });
  s.text(40, 10, 'PASSAPORTO / PASSPORT', 2.0, { color: '#6b1f3a' });
  s.photo(5, 14, 30, 38);
  s.labelled(40, 14, 'Tipo / Type', 'P', 2.4);
  s.labelled(58, 14, 'Codice Paese / Country Code', 'ITA', 2.4);
  s.labelled(92, 14, 'Passaporto N. / Passport No.', d.documentNumber, 2.6);
  s.labelled(40, 21, 'Cognome / Surname', d.surname, 2.8);
  s.labelled(40, 28, 'Nome / Given names', d.givenNames, 2.8);
  s.labelled(40, 35, 'Cittadinanza / Nationality', 'ITALIANA', 2.4);
  s.labelled(40, 41.5, 'Data di nascita / Date of birth', bilingual(d.birthDate), 2.4);
  s.labelled(95, 41.5, 'Sesso / Sex', d.sex, 2.4);
  s.labelled(40, 48, 'Luogo di nascita / Place of birth', `${d.birthPlace} (${d.birthProvince})`, 2.4);
  s.labelled(40, 54.5, 'Data di rilascio / Date of issue', bilingual(d.issueDate), 2.4);
  s.labelled(85, 54.5, 'Autorità / Authority', 'MINISTRO AFFARI ESTERI', 2.0);
  s.labelled(40, 61, 'Data di scadenza / Date of expiry', bilingual(d.expiryDate), 2.4);
  s.box(0, 68, 125, 20, '#f7f3f5');
  s.mrz(6, 75, d.mrz, 7.5);
  return { widthMm: 125, heightMm: 88, svg: s.svg() };
}

export interface LicenceData {
  documentNumber: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  birthPlace: string;
  birthProvince: string;
  issueDate: string;
  expiryDate: string;
}

export function drivingLicence(d: LicenceData, seed: number): Layout {
  const s = new Sheet(85.6, 54, '#f2eedd', seed);
  s.box(3, 3, 10, 9, '#1d3b8c');
  s.text(8, 10, 'I', 4, { bold: true, color: '#fff', anchor: 'middle' });
  s.text(16, 6.5, 'PATENTE DI GUIDA', 3.0, { bold: true, color: '#7a2222' });
  s.text(16, 10, 'REPUBBLICA ITALIANA', 1.8, { color: '#7a2222' });
  s.photo(4, 15, 22, 28);
  const rows: Array<[string, string]> = [
    ['1.', d.surname],
    ['2.', d.givenNames],
    ['3.', `${slashed(d.birthDate)} ${d.birthPlace} (${d.birthProvince})`],
    ['4a.', slashed(d.issueDate)],
    ['4b.', slashed(d.expiryDate)],
    ['4c.', 'MIT-UCO'],
    ['5.', d.documentNumber],
  ];
  rows.forEach(([n, v], i) => {
    s.text(29, 17 + i * 4.6, n, 2.3, { color: '#333' });
    s.text(35, 17 + i * 4.6, v, 2.5, { bold: true });
  });
  s.text(29, 51, '9. AM B1 B', 2.0, { color: '#333' });
  return { widthMm: 85.6, heightMm: 54, svg: s.svg() };
}

export interface HealthCardData {
  fiscalCode: string;
  surname: string;
  givenNames: string;
  birthPlace: string;
  birthProvince: string;
  birthDate: string;
  sex: 'M' | 'F';
  expiryDate: string;
}

export function healthCard(d: HealthCardData, seed: number): Layout {
  const s = new Sheet(85.6, 54, '#e6f0e6', seed);
  s.text(4, 6, 'TESSERA SANITARIA', 2.6, { bold: true, color: '#1f5a2e' });
  s.text(4, 9, "MINISTERO DELL'ECONOMIA E DELLE FINANZE", 1.4, { color: '#1f5a2e' });
  s.labelled(4, 13, 'Codice fiscale', d.fiscalCode, 2.6);
  s.labelled(4, 19.5, 'Cognome', d.surname, 2.4);
  s.labelled(4, 25.5, 'Nome', d.givenNames, 2.4);
  s.labelled(4, 31.5, 'Luogo di nascita', d.birthPlace, 2.2);
  s.labelled(44, 31.5, 'Provincia', d.birthProvince, 2.2);
  s.labelled(4, 37.5, 'Data di nascita', slashed(d.birthDate), 2.2);
  s.labelled(30, 37.5, 'Sesso', d.sex, 2.2);
  s.labelled(44, 37.5, 'Data di scadenza', slashed(d.expiryDate), 2.2);
  return { widthMm: 85.6, heightMm: 54, svg: s.svg(), barcode: { text: d.fiscalCode, xMm: 4, yMm: 44, heightMm: 7, widthMm: 40 } };
}

export interface PaperIdData {
  documentNumber: string;
  issuingComune: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  birthPlace: string;
  birthProvince: string;
  residence: string;
  issueDate: string;
  expiryDate: string;
}

/** The inner page of the paper carta d'identità (a cardboard booklet). */
export function paperId(d: PaperIdData, seed: number): Layout {
  const s = new Sheet(105, 74, '#efe6cf', seed);
  s.text(52, 6, 'REPUBBLICA ITALIANA', 2.4, { bold: true, anchor: 'middle', color: '#4a3a1a' });
  s.text(52, 10.5, `COMUNE DI ${d.issuingComune}`, 2.4, { bold: true, anchor: 'middle', color: '#4a3a1a' });
  s.text(6, 17, "CARTA D'IDENTITÀ", 2.4, { bold: true, color: '#4a3a1a' });
  s.text(60, 17, `N. ${d.documentNumber}`, 2.8, { bold: true, color: '#8a1c1c' });
  const rows: Array<[string, string]> = [
    ['Cognome', d.surname],
    ['Nome', d.givenNames],
    ['nato il', slashed(d.birthDate)],
    ['a', `${d.birthPlace} (${d.birthProvince})`],
    ['Cittadinanza', 'ITALIANA'],
    ['Residenza', d.residence],
    ['Stato civile', 'LIBERO'],
    ['Professione', 'MEDICO CHIRURGO'],
  ];
  rows.forEach(([label, value], i) => {
    s.text(6, 24 + i * 5, label, 2.0, { color: '#4a3a1a' });
    s.text(30, 24 + i * 5, value, 2.6, { bold: true, font: 'DejaVu Sans Mono' });
  });
  s.text(6, 67, `Rilasciata il ${slashed(d.issueDate)}`, 2.2, { color: '#4a3a1a' });
  s.text(60, 67, `Scadenza ${slashed(d.expiryDate)}`, 2.2, { color: '#4a3a1a' });
  s.photo(80, 20, 20, 25);
  return { widthMm: 105, heightMm: 74, svg: s.svg() };
}
