/**
 * SVG layouts of the synthetic documents. Positions are in millimetres on the real document size
 * (CIE and licence ID-1 85.6 × 54, passport data page ID-3 125 × 88, paper ID 105 × 74); the
 * renderer scales them. Layouts imitate the real documents closely enough for OCR, not for forgery:
 * every card carries "FAC-SIMILE" in the background, or a FACSIMILE / SPECIMEN overprint.
 *
 * Without a `SheetStyle` a layout renders as the committed development images were made. With one
 * (variation.ts draws it from a seed) everything real cards vary varies: where the printing sits on
 * the card, where the personalisation printer put the values relative to the labels, typeface, ink,
 * guilloche, overprint.
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

/** How one printed card differs from another of the same type. */
export interface SheetStyle {
  seed: number;
  /** Pre-printed matter (labels, titles, background) relative to the card's edge. */
  dxMm: number;
  dyMm: number;
  /** Personalised values relative to their labels (the second printer's registration). */
  valueDxMm: number;
  valueDyMm: number;
  font: string;
  valueInk: string;
  labelInk: string;
  tint: string;
  guillocheInk: string;
  guillocheLines: number;
  rosettes: number;
  overprint: { text: 'FACSIMILE' | 'SPECIMEN'; colour: string; opacity: number; angleDeg: number } | null;
}

type Role = 'label' | 'value' | 'fixed';

/** Interlaced sine curves and rosettes, seeded: the fine security background of a printed card. */
function guilloche(widthMm: number, heightMm: number, style: SheetStyle): string {
  const s = PX_PER_MM;
  const parts: string[] = [];
  const r = (k: number) => ((Math.sin(style.seed * 12.9898 + k * 78.233) * 43758.5453) % 1 + 1) % 1;
  for (let i = 0; i < style.guillocheLines; i += 1) {
    const amp = 1 + r(i) * 4;
    const period = 6 + r(i + 100) * 30;
    const phase = r(i + 200) * 100;
    const y0 = (i + 0.5) * (heightMm / style.guillocheLines);
    const pts: string[] = [];
    for (let x = 0; x <= widthMm; x += 0.5) pts.push(`${(x * s).toFixed(1)},${((y0 + amp * Math.sin((x + phase) / period * 2 * Math.PI)) * s).toFixed(1)}`);
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${style.guillocheInk}" stroke-width="${(0.6 + r(i + 300)).toFixed(2)}"/>`);
  }
  for (let k = 0; k < style.rosettes; k += 1) {
    const cx = r(k + 400) * widthMm;
    const cy = r(k + 500) * heightMm;
    const radius = 6 + r(k + 600) * 14;
    const petals = 5 + Math.floor(r(k + 700) * 9);
    const pts: string[] = [];
    for (let t = 0; t <= 360; t += 2) {
      const a = (t * Math.PI) / 180;
      const rr = radius * (0.6 + 0.4 * Math.cos(petals * a));
      pts.push(`${((cx + rr * Math.cos(a)) * s).toFixed(1)},${((cy + rr * Math.sin(a)) * s).toFixed(1)}`);
    }
    parts.push(`<polygon points="${pts.join(' ')}" fill="none" stroke="${style.guillocheInk}" stroke-width="1"/>`);
  }
  return parts.join('');
}

class Sheet {
  private readonly parts: string[] = [];
  constructor(
    readonly widthMm: number,
    readonly heightMm: number,
    tint: string,
    seed: number,
    private readonly style?: SheetStyle,
  ) {
    const w = widthMm * PX_PER_MM;
    const h = heightMm * PX_PER_MM;
    if (style) {
      this.parts.push(`<rect width="${w}" height="${h}" rx="${3 * PX_PER_MM}" fill="${style.tint}"/>`, guilloche(widthMm, heightMm, style));
      return;
    }
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

  /** Where something drawn at (x, y) in the layout lands on this card. */
  private place(xMm: number, yMm: number, role: Role): [number, number] {
    const st = this.style;
    if (!st) return [xMm, yMm];
    const value = role === 'value' ? 1 : 0;
    return [xMm + st.dxMm + value * st.valueDxMm, yMm + st.dyMm + value * st.valueDyMm];
  }

  text(xMm: number, yMm: number, value: string, sizeMm: number, opts: { bold?: boolean; color?: string; font?: string; anchor?: string; role?: Role; rotate?: number } = {}): this {
    const role = opts.role ?? 'fixed';
    const st = this.style;
    const font = opts.font ?? st?.font ?? 'DejaVu Sans';
    const ink = st && role === 'value' ? st.valueInk : st && role === 'label' ? st.labelInk : (opts.color ?? '#111');
    const [x, y] = this.place(xMm, yMm, role).map((v) => v * PX_PER_MM);
    const turn = opts.rotate ? ` transform="rotate(${opts.rotate} ${x} ${y})"` : '';
    this.parts.push(
      `<text x="${x}" y="${y}" font-family="${font}" font-size="${sizeMm * PX_PER_MM}" font-weight="${opts.bold ? 'bold' : 'normal'}" fill="${ink}" text-anchor="${opts.anchor ?? 'start'}"${turn}>${esc(value)}</text>`,
    );
    return this;
  }

  /** A label in small blue type with its value below, as on Italian ID cards. */
  labelled(xMm: number, yMm: number, label: string, value: string, valueSizeMm = 2.6): this {
    this.text(xMm, yMm, label, 1.35, { color: '#2b4f7a', role: 'label' });
    this.text(xMm, yMm + valueSizeMm + 0.4, value, valueSizeMm, { bold: true, role: 'value' });
    return this;
  }

  photo(atXMm: number, atYMm: number, wMm: number, hMm: number): this {
    const s = PX_PER_MM;
    const [xMm, yMm] = this.place(atXMm, atYMm, 'fixed');
    this.parts.push(`<rect x="${xMm * s}" y="${yMm * s}" width="${wMm * s}" height="${hMm * s}" fill="#b9bec4"/>`);
    this.parts.push(`<ellipse cx="${(xMm + wMm / 2) * s}" cy="${(yMm + hMm * 0.38) * s}" rx="${wMm * 0.25 * s}" ry="${hMm * 0.2 * s}" fill="#8a9097"/>`);
    this.parts.push(`<ellipse cx="${(xMm + wMm / 2) * s}" cy="${(yMm + hMm) * s}" rx="${wMm * 0.45 * s}" ry="${hMm * 0.3 * s}" fill="#8a9097"/>`);
    return this;
  }

  /** MRZ in OCR-B at the ICAO pitch of 2.54 mm per character. */
  mrz(xMm: number, yMm: number, lines: string[], lineGapMm: number): this {
    lines.forEach((line, row) => {
      [...line].forEach((c, col) => this.text(xMm + col * 2.54, yMm + row * lineGapMm, c, 3.4, { font: 'OCR B', role: 'value' }));
    });
    return this;
  }

  box(atXMm: number, atYMm: number, wMm: number, hMm: number, fill: string): this {
    const s = PX_PER_MM;
    const [xMm, yMm] = this.place(atXMm, atYMm, 'fixed');
    this.parts.push(`<rect x="${xMm * s}" y="${yMm * s}" width="${wMm * s}" height="${hMm * s}" fill="${fill}"/>`);
    return this;
  }

  /** A free SVG element, in layout pixels (emblems, logos). */
  raw(element: string): this {
    this.parts.push(element);
    return this;
  }

  svg(): string {
    const w = this.widthMm * PX_PER_MM;
    const h = this.heightMm * PX_PER_MM;
    const over = this.style?.overprint;
    // The overprint lies over everything, as on published facsimiles.
    const overprint = over
      ? `<text x="${w / 2}" y="${h * 0.62}" font-family="DejaVu Sans" font-weight="bold" font-size="${h * 0.2}" fill="${over.colour}" fill-opacity="${over.opacity}" text-anchor="middle" transform="rotate(${over.angleDeg} ${w / 2} ${h / 2})">${over.text}</text>`
      : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${this.parts.join('')}${overprint}</svg>`;
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

export interface Cie3Data extends CieData {
  /** In cm, as printed. */
  height: string;
  /** The parents' names printed on the back (minors), or nothing. */
  parents: string | null;
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

export function passportPage(d: PassportData, seed: number, style?: SheetStyle): Layout {
  const s = new Sheet(125, 88, '#f1e9ee', seed, style);
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

export function drivingLicence(d: LicenceData, seed: number, style?: SheetStyle): Layout {
  const s = new Sheet(85.6, 54, '#f2eedd', seed, style);
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
    s.text(29, 17 + i * 4.6, n, 2.3, { color: '#333', role: 'label' });
    s.text(35, 17 + i * 4.6, v, 2.5, { bold: true, role: 'value' });
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

export function healthCard(d: HealthCardData, seed: number, style?: SheetStyle): Layout {
  const s = new Sheet(85.6, 54, '#e6f0e6', seed, style);
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
export function paperId(d: PaperIdData, seed: number, style?: SheetStyle): Layout {
  const s = new Sheet(105, 74, '#efe6cf', seed, style);
  s.text(52, 6, 'REPUBBLICA ITALIANA', 2.4, { bold: true, anchor: 'middle', color: '#4a3a1a' });
  s.text(52, 10.5, `COMUNE DI ${d.issuingComune}`, 2.4, { bold: true, anchor: 'middle', color: '#4a3a1a' });
  s.text(6, 17, "CARTA D'IDENTITÀ", 2.4, { bold: true, color: '#4a3a1a' });
  s.text(60, 17, `N. ${d.documentNumber}`, 2.8, { bold: true, color: '#8a1c1c', role: 'value' });
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
    s.text(6, 24 + i * 5, label, 2.0, { color: '#4a3a1a', role: 'label' });
    s.text(30, 24 + i * 5, value, 2.6, { bold: true, font: style ? undefined : 'DejaVu Sans Mono', role: 'value' });
  });
  s.text(6, 67, `Rilasciata il ${slashed(d.issueDate)}`, 2.2, { color: '#4a3a1a' });
  s.text(60, 67, `Scadenza ${slashed(d.expiryDate)}`, 2.2, { color: '#4a3a1a' });
  s.photo(80, 20, 20, 25);
  return { widthMm: 105, heightMm: 74, svg: s.svg() };
}

/** The Ministry's CIE 3.0 front (DOMAIN.md "The real CIE 3.0 as printed"). */
export function cie3Front(d: Cie3Data, style: SheetStyle, options: { notValidForTravel: boolean }): Layout {
  const s = new Sheet(85.6, 54, style.tint, style.seed, style);
  const px = (mm: number) => mm * PX_PER_MM;
  const [ex, ey] = [px(60 + style.dxMm), px(30 + style.dyMm)];
  // A pale star emblem behind the data, the orange logo top left.
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = (i * Math.PI) / 5 - Math.PI / 2;
    const r = px(i % 2 === 0 ? 13 : 5.5);
    return `${(ex + r * Math.cos(a)).toFixed(1)},${(ey + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
  s.raw(`<polygon points="${star}" fill="#ffffff" fill-opacity="0.35" stroke="${style.guillocheInk}" stroke-width="2"/>`);
  s.raw(`<circle cx="${px(7 + style.dxMm)}" cy="${px(6 + style.dyMm)}" r="${px(3)}" fill="#e87722"/>`);
  s.text(12, 5.2, 'REPUBBLICA ITALIANA', 2.0, { bold: true, color: '#1d3b5c' });
  s.text(12, 8.2, "MINISTERO DELL'INTERNO", 1.5, { color: '#1d3b5c' });
  s.text(82.5, 6, d.documentNumber, 3.0, { bold: true, color: '#111', anchor: 'end', role: 'value' });
  s.text(30, 12, 'CARTA DI IDENTITÀ / IDENTITY CARD', 1.6, { bold: true, color: '#1d3b5c' });
  s.photo(4, 13.5, 23, 29);
  if (options.notValidForTravel) s.text(2.6, 44, "NON VALIDA PER L'ESPATRIO", 1.6, { bold: true, color: '#1d3b5c', rotate: -90 });
  s.labelled(30, 15.5, 'COMUNE DI / MUNICIPALITY', d.issuingComune, 2.2);
  s.labelled(30, 21, 'COGNOME / SURNAME', d.surname, 2.5);
  s.labelled(30, 26.5, 'NOME / NAME', d.givenNames, 2.5);
  s.labelled(30, 32, 'LUOGO E DATA DI NASCITA / PLACE AND DATE OF BIRTH', `${d.birthPlace} (${d.birthProvince}) ${dotted(d.birthDate)}`, 2.2);
  s.labelled(30, 37.5, 'SESSO / SEX', d.sex, 2.2);
  s.labelled(44, 37.5, 'STATURA / HEIGHT', d.height, 2.2);
  s.labelled(60, 37.5, 'CITTADINANZA / NATIONALITY', 'ITA', 2.2);
  s.labelled(30, 43, 'EMISSIONE / ISSUING', dotted(d.issueDate), 2.2);
  s.labelled(47, 43, 'SCADENZA / EXPIRY', dotted(d.expiryDate), 2.2);
  s.text(30, 48.5, "FIRMA DEL TITOLARE / HOLDER'S SIGNATURE", 1.2, { role: 'label' });
  s.box(66, 46.5, 6, 5, '#6d3f8f');
  s.text(69, 50.3, 'IT', 2.6, { bold: true, color: '#ffffff', anchor: 'middle' });
  s.text(83, 51, d.can, 2.2, { bold: true, anchor: 'end', role: 'value' });
  return { widthMm: 85.6, heightMm: 54, svg: s.svg() };
}

/** The CIE 3.0 back: parents' label (which holds the word COGNOME), codice fiscale, residence, barcode, MRZ. */
export function cie3Back(d: Cie3Data, style: SheetStyle): Layout {
  const s = new Sheet(85.6, 54, style.tint, style.seed + 11, style);
  s.text(4, 4.5, "COGNOME E NOME DEL PADRE E DELLA MADRE O DI CHI NE FA LE VECI / FATHER AND MOTHER'S-TUTOR'S NAME", 1.2, { role: 'label' });
  if (d.parents) s.text(4, 7.5, d.parents, 2.0, { bold: true, role: 'value' });
  s.labelled(4, 10.5, 'CODICE FISCALE / FISCAL CODE', d.fiscalCode, 2.4);
  s.labelled(4, 16, 'ESTREMI ATTO DI NASCITA', d.birthRecord, 1.9);
  s.labelled(4, 21, 'INDIRIZZO DI RESIDENZA / RESIDENCE', d.residence, 1.9);
  s.photo(68, 10, 12, 15);
  s.box(2, 33, 81.6, 20, '#f6f7f8');
  s.mrz(5.5, 38.5, d.mrz, 5.4);
  return {
    widthMm: 85.6,
    heightMm: 54,
    svg: s.svg(),
    barcode: { text: d.fiscalCode, xMm: 6 + style.dxMm + style.valueDxMm, yMm: 25.5 + style.dyMm + style.valueDyMm, heightMm: 6, widthMm: 70 },
  };
}
