/**
 * Generates the application forms of the corpus from the facsimile PDF: filled digitally
 * (AcroForm values), and printed, filled, signed or not, and scanned back (flattened, rasterised).
 *   npx tsx tests/corpus/generate-forms.ts   (needs poppler-utils for pdftoppm)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { PEOPLE, type Person } from './generator/people';
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

async function filledPdf(values: Record<string, string>, profile: string, flatten: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.load(readFileSync(FACSIMILE));
  const form = doc.getForm();
  for (const [name, value] of Object.entries(values)) form.getTextField(name).setText(value);
  form.getRadioGroup('tipo_profilo').select(profile);
  if (flatten) form.flatten();
  return doc.save();
}

/** A handwritten-looking signature: a few cubic strokes in blue-black ink. */
function signatureSvg(width: number, height: number): string {
  const w = width;
  const h = height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><path d="M ${w * 0.1} ${h * 0.7} C ${w * 0.2} ${h * 0.1}, ${w * 0.25} ${h * 0.9}, ${w * 0.35} ${h * 0.45} S ${w * 0.5} ${h * 0.2}, ${w * 0.55} ${h * 0.6} S ${w * 0.75} ${h * 0.8}, ${w * 0.9} ${h * 0.3}" fill="none" stroke="#1b2340" stroke-width="${h * 0.04}" stroke-linecap="round"/><path d="M ${w * 0.3} ${h * 0.75} L ${w * 0.8} ${h * 0.68}" stroke="#1b2340" stroke-width="${h * 0.03}"/></svg>`;
}

async function scanned(pdf: Uint8Array, name: string, signed: boolean): Promise<string[]> {
  const tmp = path.join(FORMS, 'tmp.pdf');
  writeFileSync(tmp, pdf);
  execFileSync('pdftoppm', ['-r', '200', '-png', tmp, path.join(FORMS, 'tmp-page')]);
  rmSync(tmp);
  const files: string[] = [];
  for (const page of [1, 2]) {
    const png = path.join(FORMS, `tmp-page-${page}.png`);
    let image = sharp(readFileSync(png));
    rmSync(png);
    if (signed && page === template.signature.page) {
      const s = 200 / 72;
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
  forms.push({ id: 'printed-dangelo-signed', files: await scanned(await filledPdf(dangelo, 'MEDICO_ESTERNO', true), 'printed-dangelo-signed', true), capture: 'printed-scan', person: 1, values: dangelo, profile: 'MEDICO_ESTERNO', signed: true });
  forms.push({ id: 'printed-dangelo-unsigned', files: await scanned(await filledPdf(dangelo, 'MEDICO_ESTERNO', true), 'printed-dangelo-unsigned', false), capture: 'printed-scan', person: 1, values: dangelo, profile: 'MEDICO_ESTERNO', signed: false });
  writeFileSync(path.join(FORMS, 'forms.json'), `${JSON.stringify({ description: 'Application forms of the synthetic corpus; values are the AcroForm values as filled.', forms }, null, 2)}\n`);
  console.log(`${forms.length} forms`);
}

await main();
