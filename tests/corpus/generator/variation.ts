/**
 * The generated splits of the corpus: documents whose every property a real capture varies is
 * drawn from a seed — person, layout offsets, value registration, typeface, ink, guilloche,
 * overprint, resolution (150–600 dpi), flatbed angle (any), blur, glare, JPEG quality (down to 60),
 * both sides in one image (above/below, side by side, 640 px wide), the real CIE 3.0 layout.
 *
 * Two splits, made the same way from disjoint seeds:
 * - `dev`: to look at, debug and tune the reading on.
 * - `test`: NOBODY TUNES ON IT. Do not open its images, do not change the reading because of one of
 *   its failures, do not change TEST_SEED or the parameter ranges to make its figures better. It is
 *   read only to report how the reading does on documents it was not fitted to; a failure seen there
 *   is reproduced on a dev document (or a new dev seed) before anything is changed.
 *
 * The images are not committed: `ensureSplit` writes them into tests/corpus/.cache/<split>/
 * (git-ignored) and rewrites them whenever the generator's sources change, deterministically.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { addYears, CORPUS_TODAY, digits, letters, minusDay, type CorpusDocument, type Fields } from './documents';
import { bothSides, flatbed, glare, jpeg, renderLayout, seededRng, tiltedPhonePhoto, type Rng } from './captures';
import { cie3Back, cie3Front, drivingLicence, healthCard, paperId, passportPage, type Cie3Data, type Layout, type SheetStyle } from './layouts';
import { randomPerson, type Person } from './people';
import { td1Lines, td3Lines } from './mrz-lines';

export type Split = 'dev' | 'test';

/** First seed of each split; document i uses SEED + i. Never change TEST_SEED to move a figure. */
export const DEV_SEED = 710_000;
export const TEST_SEED = 930_000;
const SIZES: Record<Split, number> = { dev: 24, test: 40 };

const CACHE = path.resolve('tests/corpus/.cache');

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);

const FONTS = ['DejaVu Sans', 'DejaVu Sans Condensed', 'DejaVu Serif', 'DejaVu Serif Condensed', 'DejaVu Sans Mono'];
const VALUE_INKS = ['#111111', '#1b1b1b', '#0d1a33', '#202a36', '#2a2a2a', '#15233f'];
const LABEL_INKS = ['#2b4f7a', '#1d3b5c', '#3a6e8f', '#4a4a4a', '#2e6b66', '#5a3d7a'];
const TINTS: Record<CorpusDocument['documentType'], string[]> = {
  CIE: ['#e3f0ee', '#e6f1f0', '#dcebe8', '#eaf3f1'],
  PASSPORT: ['#f1e9ee', '#efe6ec', '#f3ecef'],
  DRIVING_LICENCE: ['#f2eedd', '#efe9d5', '#f5f0df'],
  HEALTH_CARD: ['#e6f0e6', '#e1ede1', '#eaf2e8'],
  PAPER_ID: ['#efe6cf', '#ece2c6', '#f1e9d4'],
};
const GUILLOCHE_INKS = ['#b8d3cf', '#c3d6e0', '#c9d3dc', '#d4c6d8', '#cfd8c0', '#bcc8d8'];

export function drawStyle(rng: Rng, type: CorpusDocument['documentType']): SheetStyle {
  const overprint = rng() < 0.45 ? { text: pick(rng, ['FACSIMILE', 'SPECIMEN'] as const), colour: pick(rng, ['#c0392b', '#7f8c8d', '#2c3e50']), opacity: between(rng, 0.08, 0.28), angleDeg: between(rng, -25, 5) } : null;
  return {
    seed: Math.floor(rng() * 1e6),
    dxMm: between(rng, -1.8, 1.8),
    dyMm: between(rng, -1.5, 1.5),
    valueDxMm: between(rng, -0.9, 0.9),
    valueDyMm: between(rng, -0.5, 0.5),
    font: pick(rng, FONTS),
    valueInk: pick(rng, VALUE_INKS),
    labelInk: pick(rng, LABEL_INKS),
    tint: pick(rng, TINTS[type]),
    guillocheInk: pick(rng, GUILLOCHE_INKS),
    guillocheLines: 10 + Math.floor(rng() * 40),
    rosettes: Math.floor(rng() * 5),
    overprint,
  };
}

type VariedCapture = 'scan' | 'flatbed' | 'flatbed-both-sides' | 'both-sides-above' | 'both-sides-beside' | 'both-sides-640' | 'phone-tilted';

interface CaptureSpec {
  kind: VariedCapture;
  dpi: number;
  angleDeg: number;
  blurSigma: number;
  glare: boolean;
  jpegQuality: number;
}

/** Any angle on a flatbed: mostly nearly straight, a third turned a quarter, a half or three quarters. */
function flatbedAngle(rng: Rng): number {
  const quarter = rng() < 0.33 ? pick(rng, [90, 180, 270]) : 0;
  return quarter + between(rng, -8, 8);
}

function drawCapture(rng: Rng, twoSided: boolean): CaptureSpec {
  const kinds: VariedCapture[] = twoSided
    ? ['scan', 'scan', 'flatbed', 'flatbed-both-sides', 'both-sides-above', 'both-sides-beside', 'both-sides-640', 'phone-tilted']
    : ['scan', 'scan', 'flatbed', 'flatbed', 'phone-tilted'];
  const kind = pick(rng, kinds);
  const dpi = kind === 'flatbed' || kind === 'flatbed-both-sides' ? Math.round(between(rng, 150, 400)) : kind === 'both-sides-640' ? 200 : Math.round(between(rng, 150, 600));
  return {
    kind,
    dpi,
    angleDeg: kind.startsWith('flatbed') ? flatbedAngle(rng) : kind === 'phone-tilted' ? 0 : between(rng, -3, 3),
    blurSigma: rng() < 0.3 ? between(rng, 0.4, 1.2) * (dpi / 300) : 0,
    glare: rng() < 0.25,
    jpegQuality: rng() < 0.35 ? 60 : Math.round(between(rng, 70, 92)),
  };
}

function describe(spec: CaptureSpec, style: SheetStyle): string {
  const parts = [`${spec.dpi} dpi`, `${spec.angleDeg.toFixed(1)}°`, `JPEG ${spec.jpegQuality}`, style.font];
  if (spec.blurSigma) parts.push(`blur ${spec.blurSigma.toFixed(2)}`);
  if (spec.glare) parts.push('glare');
  if (style.overprint) parts.push(style.overprint.text);
  return parts.join(', ');
}

/** A cut card, as a straight scan of it gives it: a small turn on white, blur, glare. */
async function degrade(png: Buffer, spec: CaptureSpec, rng: Rng, turn: boolean): Promise<Buffer> {
  let out = png;
  if (turn && Math.abs(spec.angleDeg) > 0.05) {
    const { width = 1 } = await sharp(out).metadata();
    out = await sharp(out).extend({ top: Math.round(width * 0.03), bottom: Math.round(width * 0.03), left: Math.round(width * 0.03), right: Math.round(width * 0.03), background: '#ffffff' }).rotate(spec.angleDeg, { background: '#ffffff' }).png().toBuffer();
  }
  if (spec.glare) out = await glare(out, rng);
  if (spec.blurSigma >= 0.3) out = await sharp(out).blur(spec.blurSigma).png().toBuffer();
  return out;
}

interface Sides {
  /** Rendered at the capture's resolution. */
  sides: Buffer[];
  pxPerMm: number;
}

/** The image files of one document, captured as `spec` says. */
async function capture(id: string, dir: string, rendered: Sides, spec: CaptureSpec, rng: Rng): Promise<string[]> {
  const write = async (name: string, png: Buffer) => {
    const file = `${name}.jpg`;
    writeFileSync(path.join(dir, file), await jpeg(png, spec.jpegQuality));
    return file;
  };
  const { sides, pxPerMm } = rendered;
  const [first, second] = rng() < 0.5 || sides.length === 1 ? sides : [sides[1], sides[0]];
  switch (spec.kind) {
    case 'flatbed': {
      const page = async (png: Buffer) => degrade(await flatbed([{ png, leftMm: between(rng, 15, 100), topMm: between(rng, 15, 190), angleDeg: spec.angleDeg, pxPerMm }], rng, spec.dpi), spec, rng, false);
      return Promise.all(sides.map(async (png, i) => write(sides.length === 1 ? id : `${id}-${i === 0 ? 'front' : 'back'}`, await page(png))));
    }
    case 'flatbed-both-sides': {
      const beside = rng() < 0.4;
      const cards = beside
        ? [{ png: first, leftMm: between(rng, 8, 14), topMm: between(rng, 20, 150), angleDeg: spec.angleDeg, pxPerMm }, { png: second, leftMm: between(rng, 108, 114), topMm: between(rng, 20, 150), angleDeg: spec.angleDeg + between(rng, -3, 3), pxPerMm }]
        : [{ png: first, leftMm: between(rng, 20, 80), topMm: between(rng, 15, 60), angleDeg: spec.angleDeg, pxPerMm }, { png: second, leftMm: between(rng, 20, 80), topMm: between(rng, 160, 200), angleDeg: spec.angleDeg + between(rng, -3, 3), pxPerMm }];
      return [await write(`${id}-both`, await degrade(await flatbed(cards, rng, spec.dpi), spec, rng, false))];
    }
    case 'both-sides-above':
    case 'both-sides-beside':
    case 'both-sides-640': {
      const arrangement = spec.kind === 'both-sides-beside' ? 'beside' : 'above';
      const gap = Math.round(pxPerMm * between(rng, 2, 8));
      const png = await degrade(await bothSides(first, second, arrangement, gap), spec, rng, true);
      return [await write(`${id}-both`, spec.kind === 'both-sides-640' ? await sharp(png).resize({ width: 640 }).png().toBuffer() : png)];
    }
    case 'phone-tilted':
      return Promise.all(sides.map(async (png, i) => write(sides.length === 1 ? id : `${id}-${i === 0 ? 'front' : 'back'}`, await degrade(await tiltedPhonePhoto(png, rng), spec, rng, false))));
    default:
      return Promise.all(sides.map(async (png, i) => write(sides.length === 1 ? id : `${id}-${i === 0 ? 'front' : 'back'}`, await degrade(png, spec, rng, true))));
  }
}

const PARENT_NAMES = ['GIUSEPPE', 'MARIA', 'ANTONIO', 'ANNA', 'FRANCO', 'ROSA', 'PAOLO', 'TERESA'];

function issueDateFor(rng: Rng, p: Person, earliest = '2016-01-01'): string {
  const adult = `${Number(p.birthDate.slice(0, 4)) + 18}${p.birthDate.slice(4)}`;
  const from = adult > earliest ? adult : earliest;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${CORPUS_TODAY}T00:00:00Z`) - 86_400_000 * 30;
  return new Date(start + rng() * Math.max(0, end - start)).toISOString().slice(0, 10);
}

const baseFields = (p: Person): Fields => ({ surname: p.surname, givenNames: p.givenNames, sex: p.sex, birthDate: p.birthDate, birthPlace: p.birthPlace, fiscalCode: null, documentNumber: null, issueDate: null, expiryDate: null, nationality: null });
const validity = (expiry: string): CorpusDocument['validity'] => (expiry < CORPUS_TODAY ? 'expired' : 'valid');

interface Made {
  layouts: Layout[];
  fields: Fields;
  validity: CorpusDocument['validity'];
  notes: string[];
}

function makeCie(rng: Rng, p: Person, style: SheetStyle): Made {
  const issueDate = issueDateFor(rng, p);
  const documentNumber = `C${letters(rng, 1)}${digits(rng, 5)}${letters(rng, 2)}`;
  const expiryDate = addYears(`${issueDate.slice(0, 4)}${p.birthDate.slice(4)}`, 11);
  const minorParents = rng() < 0.3;
  const d: Cie3Data = {
    documentNumber,
    issuingComune: p.birthProvince === 'EE' ? 'MILANO' : p.birthPlace,
    surname: p.surname,
    givenNames: p.givenNames,
    birthPlace: p.birthPlace,
    birthProvince: p.birthProvince,
    birthDate: p.birthDate,
    sex: p.sex,
    issueDate,
    expiryDate,
    can: digits(rng, 6),
    fiscalCode: p.fiscalCode,
    residence: p.residence,
    birthRecord: `${digits(rng, 4)} / P1 / S.A / ${p.birthDate.slice(0, 4)}`,
    mrz: td1Lines({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, sex: p.sex, expiryDate }),
    height: String(150 + Math.floor(rng() * 45)),
    parents: minorParents ? `${p.surname} ${pick(rng, PARENT_NAMES)} E ${pick(rng, ['ROSSI', 'BIANCHI', 'VERDI', 'ESPOSITO'])} ${pick(rng, PARENT_NAMES)}` : null,
  };
  const notValidForTravel = rng() < 0.2;
  const notes = ['CIE 3.0 layout'];
  if (notValidForTravel) notes.push("NON VALIDA PER L'ESPATRIO");
  if (minorParents) notes.push("parents' names on the back");
  return {
    layouts: [cie3Front(d, style, { notValidForTravel }), cie3Back(d, style)],
    fields: { ...baseFields(p), fiscalCode: p.fiscalCode, documentNumber, issueDate, expiryDate, nationality: 'ITA' },
    validity: validity(expiryDate),
    notes,
  };
}

function makePassport(rng: Rng, p: Person, style: SheetStyle): Made {
  const issueDate = issueDateFor(rng, p);
  const documentNumber = `${letters(rng, 2)}${digits(rng, 7)}`;
  const expiryDate = minusDay(addYears(issueDate, 10));
  const mrz = td3Lines({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, sex: p.sex, expiryDate });
  const layout = passportPage({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, birthPlace: p.birthPlace, birthProvince: p.birthProvince, sex: p.sex, issueDate, expiryDate, mrz }, style.seed, style);
  return { layouts: [layout], fields: { ...baseFields(p), documentNumber, issueDate, expiryDate, nationality: 'ITA' }, validity: validity(expiryDate), notes: [] };
}

function makeLicence(rng: Rng, p: Person, style: SheetStyle): Made {
  const issueDate = issueDateFor(rng, p);
  const documentNumber = `U1${letters(rng, 1)}${digits(rng, 6)}${letters(rng, 1)}`;
  const expiryDate = addYears(`${issueDate.slice(0, 4)}${p.birthDate.slice(4)}`, 10);
  const layout = drivingLicence({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, birthPlace: p.birthPlace, birthProvince: p.birthProvince, issueDate, expiryDate }, style.seed, style);
  return { layouts: [layout], fields: { ...baseFields(p), sex: null, documentNumber, issueDate, expiryDate }, validity: validity(expiryDate), notes: [] };
}

function makeHealthCard(rng: Rng, p: Person, style: SheetStyle): Made {
  const expiryDate = addYears(issueDateFor(rng, p, '2020-01-01'), 6);
  const layout = healthCard({ fiscalCode: p.fiscalCode, surname: p.surname, givenNames: p.givenNames, birthPlace: p.birthPlace, birthProvince: p.birthProvince, birthDate: p.birthDate, sex: p.sex, expiryDate }, style.seed, style);
  return { layouts: [layout], fields: { ...baseFields(p), fiscalCode: p.fiscalCode, expiryDate }, validity: validity(expiryDate), notes: [] };
}

function makePaperId(rng: Rng, p: Person, style: SheetStyle): Made {
  const issueDate = issueDateFor(rng, p, '2012-01-01');
  const documentNumber = `A${letters(rng, 1)}${digits(rng, 7)}`;
  const expiryDate = addYears(`${issueDate.slice(0, 4)}${p.birthDate.slice(4)}`, 10);
  const comune = p.birthProvince === 'EE' ? 'TORINO' : p.birthPlace;
  const layout = paperId({ documentNumber, issuingComune: comune, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, birthPlace: p.birthPlace, birthProvince: p.birthProvince, residence: p.residence, issueDate, expiryDate }, style.seed, style);
  return { layouts: [layout], fields: { ...baseFields(p), sex: null, documentNumber, issueDate, expiryDate, nationality: 'ITA' }, validity: 'not-accepted', notes: [] };
}

const MAKERS = { CIE: makeCie, PASSPORT: makePassport, DRIVING_LICENCE: makeLicence, HEALTH_CARD: makeHealthCard, PAPER_ID: makePaperId } as const;
/** CIEs most, as at the counter. */
const TYPE_WEIGHTS: Array<[CorpusDocument['documentType'], number]> = [['CIE', 0.45], ['PASSPORT', 0.2], ['DRIVING_LICENCE', 0.12], ['HEALTH_CARD', 0.11], ['PAPER_ID', 0.12]];

function drawType(rng: Rng): CorpusDocument['documentType'] {
  let u = rng();
  for (const [type, weight] of TYPE_WEIGHTS) {
    if (u < weight) return type;
    u -= weight;
  }
  return 'CIE';
}

export interface SplitDocument extends CorpusDocument {
  personData: Person;
}

async function makeDocument(split: Split, index: number, dir: string): Promise<SplitDocument> {
  const rng = seededRng((split === 'test' ? TEST_SEED : DEV_SEED) + index);
  const type = drawType(rng);
  const person = randomPerson(rng);
  const style = drawStyle(rng, type);
  const made = MAKERS[type](rng, person, style);
  const spec = drawCapture(rng, made.layouts.length === 2);
  const pxPerMm = spec.dpi / 25.4;
  const sides = await Promise.all(made.layouts.map((l) => renderLayout(l, pxPerMm)));
  const id = `${split}-${String(index).padStart(2, '0')}-${type.toLowerCase().replace('_', '-')}`;
  const files = await capture(id, dir, { sides, pxPerMm }, spec, rng);
  return { id, documentType: type, capture: spec.kind, files, person: null, personData: person, fields: made.fields, validity: made.validity, notes: [describe(spec, style), ...made.notes].join('; ') };
}

/** What the generated images depend on: the generator's own sources. */
function generatorHash(): string {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

export interface SplitTruth {
  split: Split;
  generator: string;
  today: string;
  documents: SplitDocument[];
}

/** The split's directory, with its images and ground-truth.json written afresh when the generator changed. */
export async function ensureSplit(split: Split): Promise<{ dir: string; truth: SplitTruth }> {
  const dir = path.join(CACHE, split);
  const truthFile = path.join(dir, 'ground-truth.json');
  const generator = generatorHash();
  if (existsSync(truthFile)) {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as SplitTruth;
    if (truth.generator === generator && truth.documents.every((d) => d.files.every((f) => existsSync(path.join(dir, f))))) return { dir, truth };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const documents: SplitDocument[] = [];
  for (let i = 1; i <= SIZES[split]; i += 1) documents.push(await makeDocument(split, i, dir));
  const truth: SplitTruth = { split, generator, today: CORPUS_TODAY, documents };
  writeFileSync(truthFile, `${JSON.stringify(truth, null, 2)}\n`);
  return { dir, truth };
}
