/**
 * Reading real documents nobody here made: the public specimen images in ../shared/specimens (not
 * shipped, not copied into the project; see its SOURCES.md) against the ground truth transcribed
 * in tests/real-specimens/ground-truth/ (every MRZ line confirmed by its check digits). Per field:
 * exact, missing (the reader declined: the clerk types it) and wrong; document type; and the
 * calibration figure: of the values given confidence ≥ 0.9, the share that is right.
 *
 * A third of the documents (by a hash of the file name) is a test split nobody tunes the reader
 * on; the figures are printed for each split. Run: npm run bench:real-specimens [-- --verbose]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDocumentFiles } from '../../cli/document-files';
import { createNodeBarcodeReader, createNodeOcr } from '../../cli/node-engines';
import { compareNames } from '../../shared/identity/names';
import type { IdDocumentField, IdDocumentReading } from '../../shared/identity/types';

interface Specimen {
  file: string;
  otherFiles?: string[];
  format: 'TD1' | 'TD2' | 'TD3';
  /** Checks that fail on the document as printed (some specimens carry wrong check digits). */
  failingChecks: string[];
  expected: { documentCode: string; issuingState: string; documentNumber: string; surname: string; givenNames: string | null; nationality: string; birthDate: string; sex: 'M' | 'F' | null; expiryDate: string };
}

const SPECIMENS = path.resolve('..', 'shared', 'specimens');
const TRUTH = path.resolve('tests', 'real-specimens', 'ground-truth');
/** The day the specimens are read on: fixed, so expiry-dependent figures do not drift. */
const TODAY = '2026-12-02';
const FIELDS = ['documentNumber', 'surname', 'givenNames', 'nationality', 'birthDate', 'sex', 'expiryDate'] as const satisfies readonly IdDocumentField[];

if (!existsSync(SPECIMENS)) {
  console.log(`bench:real-specimens: ${SPECIMENS} is not there (the specimen images are not part of the project); nothing measured.`);
  process.exit(0);
}

const { values } = parseArgs({ options: { verbose: { type: 'boolean' }, only: { type: 'string' } } });
const specimens = readdirSync(TRUTH)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(path.join(TRUTH, f), 'utf8')) as { documents: Specimen[] }).documents)
  .filter((s) => !values.only || s.file.includes(values.only));

function splitOf(file: string): 'dev' | 'test' {
  return createHash('sha256').update(file).digest()[0] % 3 === 0 ? 'test' : 'dev';
}

function expectedType(s: Specimen): string {
  if (s.expected.documentCode.startsWith('P')) return 'PASSPORT';
  return s.expected.issuingState === 'ITA' && s.format === 'TD1' ? 'CIE' : 'FOREIGN_ID';
}

function right(field: (typeof FIELDS)[number], got: string, expected: string): boolean {
  if (field === 'surname' || field === 'givenNames') return ['same', 'mrz-truncation'].includes(compareNames(got, expected));
  return got === expected;
}

interface Tally {
  exact: number;
  missing: number;
  wrong: number;
  confident: number;
  confidentRight: number;
  typeRight: number;
  documents: number;
  allMrzFieldsRight: number;
  /** Fields whose own check digit holds as printed: what a reader can confirm. */
  checkable: number;
  checkableExact: number;
  ms: number[];
}
const tallies = { dev: new Map<string, Tally>(), test: new Map<string, Tally>() };
const failures: string[] = [];
const tally = (split: 'dev' | 'test', key: string): Tally => {
  const found = tallies[split].get(key);
  if (found) return found;
  const fresh: Tally = { exact: 0, missing: 0, wrong: 0, confident: 0, confidentRight: 0, typeRight: 0, documents: 0, allMrzFieldsRight: 0, checkable: 0, checkableExact: 0, ms: [] };
  tallies[split].set(key, fresh);
  return fresh;
};

const ocr = createNodeOcr();
const barcodes = createNodeBarcodeReader();
for (const s of specimens) {
  const split = splitOf(s.file);
  const started = Date.now();
  let reading: IdDocumentReading;
  try {
    reading = (await readDocumentFiles([s.file, ...(s.otherFiles ?? [])].map((f) => path.join(SPECIMENS, f)), { ocr, barcodes, today: TODAY })).reading;
  } catch (error) {
    failures.push(`${split} ${s.file}: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  const ms = Date.now() - started;
  let allRight = true;
  for (const key of ['ALL', s.format]) {
    const t = tally(split, key);
    t.documents += 1;
    t.ms.push(ms);
    if (reading.documentType === expectedType(s)) t.typeRight += 1;
  }
  for (const field of FIELDS) {
    const expected = s.expected[field];
    if (expected === null) continue;
    const got = reading.fields[field];
    const confident = (reading.confidence[field] ?? 0) >= 0.9;
    const ok = got !== null && right(field, got, expected);
    if (!ok) allRight = false;
    const checkable = !s.failingChecks.includes(field) && !s.failingChecks.includes('composite');
    for (const key of ['ALL', s.format]) {
      const t = tally(split, key);
      if (checkable) {
        t.checkable += 1;
        if (ok) t.checkableExact += 1;
      }
      if (got === null) t.missing += 1;
      else if (ok) t.exact += 1;
      else t.wrong += 1;
      if (got !== null && confident) {
        t.confident += 1;
        if (ok) t.confidentRight += 1;
      }
    }
    if (got !== null && !ok) failures.push(`${split} ${s.file} ${field}: expected ${expected}, got ${got} (confidence ${reading.confidence[field]}${confident ? ', CONFIDENT' : ''})`);
  }
  for (const key of ['ALL', s.format]) if (allRight) tally(split, key).allMrzFieldsRight += 1;
  if (values.verbose) console.error(split, s.file, `${ms} ms`, reading.documentType, JSON.stringify(reading.fields), reading.warnings.map((w) => w.code).join(','));
}
await ocr.pool.terminate();

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`Real specimens (${specimens.length} documents with an MRZ, ground truth in tests/real-specimens/ground-truth, images in ../shared/specimens), read on ${TODAY}`);
for (const split of ['dev', 'test'] as const) {
  console.log(`\n${split === 'dev' ? 'development split' : 'TEST split (never tuned on)'}`);
  for (const [key, t] of [...tallies[split]].sort(([a], [b]) => (a === 'ALL' ? 1 : b === 'ALL' ? -1 : a.localeCompare(b)))) {
    const n = t.exact + t.missing + t.wrong;
    console.log(
      `  ${key.padEnd(4)} ${String(t.documents).padStart(3)} docs  MRZ fields exact ${pct(t.exact, n)} (${t.exact}/${n}), missing ${t.missing}, wrong ${t.wrong}; exact where the document's own check digits hold ${pct(t.checkableExact, t.checkable)} (${t.checkableExact}/${t.checkable}); every field right on ${t.allMrzFieldsRight}/${t.documents} docs; type right ${t.typeRight}/${t.documents}; confidence ≥ 0.9 right ${pct(t.confidentRight, t.confident)} (${t.confidentRight}/${t.confident}); median ${median(t.ms)} ms/doc`,
    );
  }
}
if (failures.length) console.log(`\nWrong values and errors:\n  ${failures.join('\n  ')}`);
