/**
 * Forms "printed and scanned crooked", made the way a new user makes them and not with the
 * corpus's own rasteriser: the facsimile filled digitally (pdf-lib with one of several fonts, or
 * left to poppler to draw the values from NeedAppearances), rendered by `pdftoppm` at 150, 200 or
 * 300 dpi, then laid on a grey scanner bed by ImageMagick (`/usr/bin/convert`): shifted by several
 * mm, scaled 97–103 %, rotated up to ±2°, blurred, noised and saved as JPEG quality 60.
 *
 * Two splits from disjoint seeds: `dev` (tuned on) and `test` (seeds nobody looks at while tuning;
 * report them apart). Everything about a form follows from its seed, so a split regenerates the same.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFBool, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { PEOPLE } from './generator/people';
import { parseFormTemplate } from '../../shared/document-reading/form-template';

export type CrookedSplit = 'dev' | 'test';

/** Seeds of each split: the test split's are never used while tuning. */
const SPLIT_SEED: Record<CrookedSplit, number> = { dev: 1, test: 7001 };

export interface CrookedForm {
  id: string;
  split: CrookedSplit;
  files: string[];
  values: Record<string, string>;
  profile: string | null;
  /** How each page was put on the scanner: for the bench's listing, never read by the reader. */
  scans: Array<{ dpi: number; angle: number; scale: number; shiftMm: [number, number]; blur: number; noise: number; font: string }>;
}

const FACSIMILE = path.resolve('resources/forms/modulo-abilitazione-facsimile.pdf');
const CONVERT = '/usr/bin/convert';
const template = parseFormTemplate(JSON.parse(readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.template.json'), 'utf8')));
const FONTS = ['Helvetica', 'Courier', 'TimesRoman', 'DejaVuSans', 'LiberationSerif', 'poppler'] as const;
const FONT_FILES: Record<string, string> = {
  DejaVuSans: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  LiberationSerif: '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
};
const STRUCTURES = [
  ['OSPEDALE CIVILE DI MODENA', '080123', 'VIA DEL POZZO 71', 'DIRETTORE'],
  ['AZIENDA OSPEDALIERA SAN CAMILLO', '120901', 'CIRC.NE GIANICOLENSE 87', 'REFERENTE'],
  ["PRESIDIO OSPEDALIERO SANT'ANNA", '030456', 'VIA NAPOLEONA 60', 'MEDICO'],
] as const;
const ISSUERS = ['COMUNE DI VENEZIA', 'COMUNE DI ROMA', 'COMUNE DI CATANIA', 'MOTORIZZAZIONE', 'QUESTURA DI MILANO'];
const PLACES = ['ROMA', 'CATANIA', 'MILANO', 'TORINO', 'BARI'];
const PROVINCES: Record<string, string> = { ROMA: 'RM', CATANIA: 'CT', MILANO: 'MI', TORINO: 'TO', BARI: 'BA', NAPOLI: 'NA', BOLOGNA: 'BO', FIRENZE: 'FI', PALERMO: 'PA', VENEZIA: 'VE' };

/** mulberry32: a deterministic stream in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const offset = (x: number, y: number) => `${x < 0 ? '' : '+'}${x}${y < 0 ? '' : '+'}${y}`;
const slashed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const titleCase = (text: string) => text.toLowerCase().replace(/(^|[\s'])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
const ascii = (text: string) => text.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/['\s]+/g, '');

/** What an applicant types into the form: identity from the corpus's people, every other value varied by the seed. */
function valuesOf(rnd: () => number): { values: Record<string, string>; profile: string | null } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const p = pick(PEOPLE);
  const [street, town] = p.residence.split(',');
  const residenceTown = town.replace(/\(.*\)/, '').trim();
  const mixedCase = rnd() < 0.4;
  const given = p.givenNames.split(' ')[0];
  const profile = pick(['MEDICO_ESTERNO', 'MEDICO_OSPEDALIERO', 'REFERENTE_STRUTTURA', 'REFERENTE_STRUTTURA', null]);
  const issued = 2018 + Math.floor(rnd() * 8);
  const issueDate = `${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}/${issued}`;
  const expiry = `${issueDate.slice(0, 6)}${issued + 10}`;
  const place = pick(PLACES);
  const login = `${ascii(given)}.${ascii(p.surname)}`.toLowerCase();
  const values: Record<string, string> = {
    cognome: p.surname,
    nome: p.givenNames,
    codice_fiscale: p.fiscalCode,
    sesso: p.sex,
    data_nascita: slashed(p.birthDate),
    comune_nascita: p.birthProvince === 'EE' ? '' : p.birthPlace,
    provincia_nascita: p.birthProvince,
    stato_estero_nascita: p.birthProvince === 'EE' ? p.birthPlace : '',
    cittadinanza: 'ITALIANA',
    indirizzo_residenza: mixedCase ? titleCase(street) : street,
    cap_residenza: `${pick(['00', '20', '40', '80', '95'])}1${digits(2)}`,
    comune_residenza: mixedCase ? titleCase(residenceTown) : residenceTown,
    provincia_residenza: /\((\w\w)\)/.exec(p.residence)?.[1] ?? '',
    telefono: `0${digits(1)} ${digits(7)}`,
    cellulare: `3${digits(2)} ${digits(7)}`,
    email: `${login}${rnd() < 0.5 ? digits(2) : ''}@${pick(['gmail.com', 'libero.it', 'example.org'])}`,
    pec: `${login}@pec.${pick(['omceo.it', 'omceomi.it', 'ordinemediciroma.it'])}`,
    ordine_provincia: pick(Object.keys(PROVINCES)),
    ordine_numero: digits(4 + Math.floor(rnd() * 3)),
    struttura_denominazione: '',
    struttura_codice: '',
    struttura_indirizzo: '',
    struttura_pec: '',
    ruolo_struttura: '',
    documento_tipo: pick(["CARTA D'IDENTITA ELETTRONICA", 'PASSAPORTO', 'PATENTE DI GUIDA', "CARTA D'IDENTITA"]),
    documento_numero: `CA${digits(5)}${pick(['AB', 'ZM', 'KX'])}`,
    documento_rilasciato_da: pick(ISSUERS),
    documento_data_rilascio: issueDate,
    documento_data_scadenza: expiry,
    luogo_data: `${place}, ${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}/12/2026`,
  };
  if (profile === 'REFERENTE_STRUTTURA' || profile === 'MEDICO_OSPEDALIERO') {
    const [name, code, address, role] = pick(STRUCTURES);
    Object.assign(values, { struttura_denominazione: name, struttura_codice: code, struttura_indirizzo: address, struttura_pec: `dir${digits(2)}@pec.asl.it`, ruolo_struttura: role });
  }
  return { values, profile };
}

async function filledPdf(values: Record<string, string>, profile: string | null, font: (typeof FONTS)[number], size: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(readFileSync(FACSIMILE));
  doc.registerFontkit(fontkit);
  const form = doc.getForm();
  // poppler draws the values in Helvetica, the font the fields' appearance asks for.
  const embedded = FONT_FILES[font] ? await doc.embedFont(readFileSync(FONT_FILES[font]), { subset: false }) : await doc.embedFont(StandardFonts[font === 'poppler' ? 'Helvetica' : (font as 'Helvetica' | 'Courier' | 'TimesRoman')]);
  for (const [name, value] of Object.entries(values)) {
    const field = form.getTextField(name);
    // A value too long for its box is typed smaller, as a viewer's automatic size would: what is printed is all of it.
    const room = template.fields[name as keyof typeof template.fields].width - 6;
    let fitted = size;
    while (fitted > 6 && embedded.widthOfTextAtSize(value, fitted) > room) fitted -= 0.5;
    field.setFontSize(fitted);
    field.setText(value === '' ? undefined : value);
  }
  if (profile) form.getRadioGroup('tipo_profilo').select(profile);
  if (font === 'poppler') {
    // The values are left for poppler to draw, as a viewer that is not pdf-lib would.
    form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
    return doc.save({ updateFieldAppearances: false });
  }
  form.updateFieldAppearances(embedded);
  form.flatten();
  return doc.save();
}

/**
 * Writes `count` forms of one split into `dir` (two JPEG pages each) and returns their ground
 * truth. Needs poppler-utils and imagemagick.
 */
export async function writeCrookedForms(dir: string, split: CrookedSplit, count: number): Promise<CrookedForm[]> {
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crooked-'));
  const forms: CrookedForm[] = [];
  try {
    for (let n = 0; n < count; n += 1) {
      const seed = SPLIT_SEED[split] + n * 7919;
      const rnd = random(seed);
      const { values, profile } = valuesOf(rnd);
      const font = FONTS[Math.floor(rnd() * FONTS.length)];
      const size = font === 'poppler' ? 10 : 9 + Math.floor(rnd() * 3);
      const dpi = [150, 200, 300][Math.floor(rnd() * 3)];
      const id = `${split}-${String(n + 1).padStart(2, '0')}`;
      const pdf = path.join(tmp, `${id}.pdf`);
      writeFileSync(pdf, await filledPdf(values, profile, font, size));
      execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, path.join(tmp, id)]);
      const files: string[] = [];
      const scans: CrookedForm['scans'] = [];
      for (const page of [1, 2]) {
        const mm = dpi / 25.4;
        const angle = Math.round((rnd() * 4 - 2) * 100) / 100;
        const scale = Math.round((0.97 + rnd() * 0.06) * 1000) / 1000;
        const shiftMm: [number, number] = [Math.round((rnd() * 12 - 6) * 10) / 10, Math.round((rnd() * 12 - 6) * 10) / 10];
        const blur = Math.round((0.3 + rnd() * 0.9) * 100) / 100;
        const noise = Math.round((0.2 + rnd() * 0.5) * 100) / 100;
        const bed = 150 + Math.floor(rnd() * 60);
        const bedWidth = Math.round(216 * mm);
        const bedHeight = Math.round(297 * mm);
        const file = `${id}-p${page}.jpg`;
        execFileSync(CONVERT, [
          '-size', `${bedWidth}x${bedHeight}`, `xc:gray(${bed})`,
          '(', path.join(tmp, `${id}-${page}.png`), '-colorspace', 'Gray', '-alpha', 'set', '-background', 'none', '-resize', `${(scale * 100).toFixed(1)}%`, '-rotate', String(angle), ')',
          '-geometry', offset(Math.round(shiftMm[0] * mm), Math.round(shiftMm[1] * mm)), '-composite',
          '-blur', `0x${blur}`, '-seed', String(seed + page), '-attenuate', String(noise), '+noise', 'Gaussian',
          '-alpha', 'off', '-quality', '60', '-density', String(dpi), '-units', 'PixelsPerInch', path.join(dir, file),
        ]);
        files.push(file);
        scans.push({ dpi, angle, scale, shiftMm, blur, noise, font });
      }
      forms.push({ id, split, files, values, profile, scans });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return forms;
}
