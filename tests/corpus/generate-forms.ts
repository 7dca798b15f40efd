/**
 * Generates the application forms of the corpus from the facsimile PDF: filled digitally
 * (AcroForm values); printed filled, signed or not, and scanned back (flattened, rasterised); and
 * printed blank, filled in by hand (block capitals with a jittered baseline, size and slant per
 * character, profile box ticked with a pen stroke) and scanned back.
 *   npx tsx tests/corpus/generate-forms.ts
 * With --crooked, only the small committed sets of forms printed and scanned crooked
 * (tests/corpus/crooked-forms.ts; dev and test split, imagemagick needed) into forms/crooked/.
 * Needs poppler-utils (pdftoppm) and, for the handwritten forms only, two handwriting fonts:
 *   apt-get install -y fonts-dkg-handwriting fonts-humor-sans   (both SIL OFL 1.1)
 * The generated images are committed, so neither CI nor the tests need these fonts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { parseArgs } from 'node:util';
import { PEOPLE, type Person } from './generator/people';
import { writeCrookedForms } from './crooked-forms';
import { CROOKED_DIR, COMMITTED_CROOKED_FORMS } from './scanned-forms';
import { parseFormTemplate } from '../../shared/document-reading/form-template';

const FORMS = path.resolve('tests/corpus/forms');
const FACSIMILE = path.resolve('resources/forms/modulo-abilitazione-facsimile.pdf');
const template = parseFormTemplate(JSON.parse(readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.template.json'), 'utf8')));

function slashed(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function formValues(p: Person): Record<string, string> {
  return {
    cognome: p.surname,
    nome: p.givenNames,
    codice_fiscale: p.fiscalCode,
    sesso: p.sex,
    data_nascita: slashed(p.birthDate),
    comune_nascita: p.birthProvince === 'EE' ? '' : p.birthPlace,
    provincia_nascita: p.birthProvince,
    stato_estero_nascita: p.birthProvince === 'EE' ? p.birthPlace : '',
    cittadinanza: 'ITALIANA',
    indirizzo_residenza: p.residence.split(',')[0],
    cap_residenza: '00100',
    comune_residenza: p.residence.split(',')[1]?.replace(/\(.*\)/, '').trim() ?? '',
    provincia_residenza: /\((\w\w)\)/.exec(p.residence)?.[1] ?? '',
    telefono: '06 1234567',
    cellulare: '333 1234567',
    email: 'medico@example.org',
    pec: 'medico@pec.example.org',
    ordine_provincia: 'ROMA',
    ordine_numero: '45123',
    documento_tipo: "CARTA D'IDENTITA ELETTRONICA",
    documento_numero: 'CA12136ZM',
    documento_rilasciato_da: 'COMUNE DI ROMA',
    documento_data_rilascio: '14/03/2022',
    documento_data_scadenza: '12/04/2033',
    luogo_data: 'ROMA, 23/11/2026',
  };
}

async function filledPdf(values: Record<string, string>, profile: string | null, flatten: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.load(readFileSync(FACSIMILE));
  const form = doc.getForm();
  for (const [name, value] of Object.entries(values)) form.getTextField(name).setText(value);
  if (profile) form.getRadioGroup('tipo_profilo').select(profile);
  if (flatten) form.flatten();
  return doc.save();
}

/** A handwritten-looking signature: a few cubic strokes in blue-black ink. */
function signatureSvg(width: number, height: number): string {
  const w = width;
  const h = height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><path d="M ${w * 0.1} ${h * 0.7} C ${w * 0.2} ${h * 0.1}, ${w * 0.25} ${h * 0.9}, ${w * 0.35} ${h * 0.45} S ${w * 0.5} ${h * 0.2}, ${w * 0.55} ${h * 0.6} S ${w * 0.75} ${h * 0.8}, ${w * 0.9} ${h * 0.3}" fill="none" stroke="#1b2340" stroke-width="${h * 0.04}" stroke-linecap="round"/><path d="M ${w * 0.3} ${h * 0.75} L ${w * 0.8} ${h * 0.68}" stroke="#1b2340" stroke-width="${h * 0.03}"/></svg>`;
}

/** Scan resolution and the scale from template points to scan pixels. */
const DPI = 200;
const PX = DPI / 72;

/** Deterministic jitter, so regenerating gives the same images. */
function seededRandom(seed: number): (spread: number) => number {
  let state = seed >>> 0;
  return (spread) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * spread;
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
}

/** One field written by hand: each character its own size, height above the baseline and slant. */
function handwrittenText(value: string, zoneName: string, font: string, jitter: (spread: number) => number): string {
  const zone = template.fields[zoneName as keyof typeof template.fields];
  const width = zone.width * PX * 0.9;
  const size = Math.min(zone.height * PX * 0.62, width / (value.length * 0.7));
  const x = (zone.x + 4) * PX;
  const baseline = (zone.y + zone.height * 0.78) * PX;
  let offset = 0;
  const spans = [...value].map((char) => {
    const target = jitter(size * 0.09);
    const dy = target - offset;
    offset = target;
    return `<tspan dy="${dy.toFixed(1)}" font-size="${(size * (1 + jitter(0.1))).toFixed(1)}" rotate="${jitter(7).toFixed(1)}">${escapeXml(char)}</tspan>`;
  });
  return `<text xml:space="preserve" x="${x.toFixed(1)}" y="${baseline.toFixed(1)}" font-family="${font}" fill="#1c2a6b" transform="rotate(${jitter(0.8).toFixed(2)} ${x.toFixed(1)} ${baseline.toFixed(1)})">${spans.join('')}</text>`;
}

/** A pen tick in a profile box: a check mark, or a cross. */
function tickMark(profile: string, kind: 'check' | 'cross'): string {
  const box = template.choiceBoxes.tipo_profilo?.[profile];
  if (!box) throw new Error(`no tick box for ${profile}`);
  const [x, y, w] = [box.x * PX, box.y * PX, box.width * PX];
  const path =
    kind === 'check'
      ? `M ${x + w * 0.15} ${y + w * 0.5} L ${x + w * 0.42} ${y + w * 0.85} L ${x + w * 1.05} ${y - w * 0.2}`
      : `M ${x + w * 0.12} ${y + w * 0.1} L ${x + w * 0.9} ${y + w * 0.92} M ${x + w * 0.88} ${y + w * 0.08} L ${x + w * 0.1} ${y + w * 0.9}`;
  return `<path d="${path}" fill="none" stroke="#1c2a6b" stroke-width="${(w * 0.11).toFixed(1)}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

interface PenMarks {
  /** Field values written by hand, in this font. */
  values?: Record<string, string>;
  font?: string;
  ticks?: Array<{ profile: string; kind: 'check' | 'cross' }>;
  seed?: number;
}

/** What the pen adds to one page, as an SVG overlay of the whole scanned page. */
function penOverlay(page: number, width: number, height: number, marks: PenMarks): string | null {
  const jitter = seededRandom((marks.seed ?? 1) * 31 + page);
  const parts: string[] = [];
  for (const [name, value] of Object.entries(marks.values ?? {})) {
    if (value === '' || template.fields[name as keyof typeof template.fields].page !== page) continue;
    parts.push(handwrittenText(value, name, marks.font ?? 'DkgHandwriting', jitter));
  }
  for (const tick of marks.ticks ?? []) if (template.choiceBoxes.tipo_profilo?.[tick.profile]?.page === page) parts.push(tickMark(tick.profile, tick.kind));
  return parts.length === 0 ? null : `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

async function scanned(pdf: Uint8Array, name: string, signed: boolean, marks: PenMarks = {}): Promise<string[]> {
  const tmp = path.join(FORMS, 'tmp.pdf');
  writeFileSync(tmp, pdf);
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', tmp, path.join(FORMS, 'tmp-page')]);
  rmSync(tmp);
  const files: string[] = [];
  for (const page of [1, 2]) {
    const png = path.join(FORMS, `tmp-page-${page}.png`);
    let image = sharp(readFileSync(png));
    rmSync(png);
    const { width = 0, height = 0 } = await image.metadata();
    const pen = penOverlay(page, width, height, marks);
    if (pen) image = sharp(await image.composite([{ input: Buffer.from(pen), left: 0, top: 0 }]).png().toBuffer());
    if (signed && page === template.signature.page) {
      const s = PX;
      const box = template.signature;
      const svg = signatureSvg(Math.round(box.width * s * 0.8), Math.round(box.height * s * 0.7));
      image = sharp(await image.composite([{ input: Buffer.from(svg), left: Math.round((box.x + box.width * 0.1) * s), top: Math.round((box.y + box.height * 0.1) * s) }]).png().toBuffer());
    }
    const file = `${name}-p${page}.jpg`;
    writeFileSync(path.join(FORMS, file), await image.jpeg({ quality: 85 }).toBuffer());
    files.push(file);
  }
  return files;
}

async function main(): Promise<void> {
  rmSync(FORMS, { recursive: true, force: true });
  mkdirSync(FORMS, { recursive: true });
  const rossi = formValues(PEOPLE[0]);
  const forms = [];
  writeFileSync(path.join(FORMS, 'digital-rossi.pdf'), await filledPdf(rossi, 'MEDICO_ESTERNO', false));
  forms.push({ id: 'digital-rossi', files: ['digital-rossi.pdf'], capture: 'acroform', person: 0, values: rossi, profile: 'MEDICO_ESTERNO', signed: false });
  // A deliberate mismatch against the person's ID: wrong given name and birth date.
  const mismatched = { ...rossi, nome: 'MARIA', data_nascita: '13/04/1985' };
  writeFileSync(path.join(FORMS, 'digital-rossi-mismatch.pdf'), await filledPdf(mismatched, 'MEDICO_OSPEDALIERO', false));
  forms.push({ id: 'digital-rossi-mismatch', files: ['digital-rossi-mismatch.pdf'], capture: 'acroform', person: 0, values: mismatched, profile: 'MEDICO_OSPEDALIERO', signed: false, mismatches: ['givenNames', 'birthDate'] });
  const dangelo = formValues(PEOPLE[1]);
  forms.push({ id: 'printed-dangelo-signed', files: await scanned(await filledPdf(dangelo, 'MEDICO_ESTERNO', true), 'printed-dangelo-signed', true), capture: 'printed-scan', person: 1, values: dangelo, profile: 'MEDICO_ESTERNO', ticked: ['MEDICO_ESTERNO'], signed: true });
  forms.push({ id: 'printed-dangelo-unsigned', files: await scanned(await filledPdf(dangelo, 'MEDICO_ESTERNO', true), 'printed-dangelo-unsigned', false), capture: 'printed-scan', person: 1, values: dangelo, profile: 'MEDICO_ESTERNO', ticked: ['MEDICO_ESTERNO'], signed: false });
  // Typed (printed) forms whose profile boxes are not exactly one: none ticked, and a pen cross
  // added next to the printed tick.
  const ferrari = formValues(PEOPLE[7]);
  forms.push({ id: 'printed-ferrari-no-profile', files: await scanned(await filledPdf(ferrari, null, true), 'printed-ferrari-no-profile', true), capture: 'printed-scan', person: 7, values: ferrari, profile: null, ticked: [], signed: true });
  const gallo = formValues(PEOPLE[10]);
  forms.push({ id: 'printed-gallo-two-profiles', files: await scanned(await filledPdf(gallo, 'MEDICO_OSPEDALIERO', true), 'printed-gallo-two-profiles', true, { ticks: [{ profile: 'MEDICO_ESTERNO', kind: 'cross' }] }), capture: 'printed-scan', person: 10, values: gallo, profile: null, ticked: ['MEDICO_ESTERNO', 'MEDICO_OSPEDALIERO'], signed: true });
  // Blank forms filled in by hand, in two hands.
  const bianchi = formValues(PEOPLE[3]);
  forms.push({ id: 'handwritten-bianchi', files: await scanned(await filledPdf({}, null, true), 'handwritten-bianchi', true, { values: bianchi, font: 'DkgHandwriting', ticks: [{ profile: 'MEDICO_OSPEDALIERO', kind: 'check' }], seed: 3 }), capture: 'handwritten-scan', person: 3, values: bianchi, profile: 'MEDICO_OSPEDALIERO', ticked: ['MEDICO_OSPEDALIERO'], signed: true });
  const conti = formValues(PEOPLE[6]);
  forms.push({ id: 'handwritten-conti', files: await scanned(await filledPdf({}, null, true), 'handwritten-conti', true, { values: conti, font: 'Humor Sans', ticks: [{ profile: 'MEDICO_ESTERNO', kind: 'cross' }], seed: 6 }), capture: 'handwritten-scan', person: 6, values: conti, profile: 'MEDICO_ESTERNO', ticked: ['MEDICO_ESTERNO'], signed: true });
  writeFileSync(path.join(FORMS, 'forms.json'), `${JSON.stringify({ description: 'Application forms of the synthetic corpus; values are the values as filled (capture printed-scan: typed by the PDF; handwritten-scan: every value by hand); ticked: the profile boxes ticked on paper, profile: what reading them must give (null unless exactly one).', forms }, null, 2)}\n`);
  console.log(`${forms.length} forms`);
}

/** The crooked scans the unit tests read: the first forms of each split (the bench reads more). */
async function crooked(): Promise<void> {
  rmSync(CROOKED_DIR, { recursive: true, force: true });
  const forms = [...(await writeCrookedForms(CROOKED_DIR, 'dev', COMMITTED_CROOKED_FORMS)), ...(await writeCrookedForms(CROOKED_DIR, 'test', COMMITTED_CROOKED_FORMS))];
  writeFileSync(path.join(CROOKED_DIR, 'crooked.json'), `${JSON.stringify({ description: 'Forms filled digitally, rendered by pdftoppm and scanned crooked by ImageMagick (tests/corpus/crooked-forms.ts); values: every field as filled, profile: the radio button selected (null: none).', forms }, null, 1)}\n`);
  console.log(`${forms.length} crooked forms`);
}

if (parseArgs({ options: { crooked: { type: 'boolean' } } }).values.crooked) await crooked();
else await main();
