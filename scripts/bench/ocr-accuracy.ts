/**
 * Field accuracy of document reading on the corpus, per split, per document type and per field:
 * exact (value equals the ground truth), missing (null: the reader declined) and wrong (a value that
 * differs: the failure that matters most), and calibration: of the values given confidence ≥ 0.9,
 * the share that is right.
 *
 * Splits (docs/document-reading.md, "The corpus and its splits"):
 * - dev-committed: tests/corpus/images with tests/corpus/ground-truth.json;
 * - dev-generated: tests/corpus/generator/variation.ts, development seeds;
 * - test: the same generator, test seeds nobody tunes on. Its failures are not listed unless asked
 *   (--list-test-failures): a failure there is reproduced on a dev document before anything changes.
 * Generated splits are written into tests/corpus/.cache/ when missing or out of date.
 *
 * Run: npx tsx scripts/bench/ocr-accuracy.ts [--split dev-committed|dev-generated|test] [--only <id-prefix>] [--verbose] [--list-test-failures]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDocumentFiles } from '../../cli/document-files';
import { createNodeBarcodeReader, createNodeOcr } from '../../cli/node-engines';
import { ID_DOCUMENT_FIELDS, type IdDocumentField } from '../../shared/identity/types';
import { ensureSplit } from '../../tests/corpus/generator/variation';

interface TruthDocument {
  id: string;
  documentType: string;
  capture: string;
  files: string[];
  fields: Record<IdDocumentField, string | null>;
}

interface CorpusSet {
  name: string;
  dir: string;
  today: string;
  documents: TruthDocument[];
  listFailures: boolean;
}

const SPLITS = ['dev-committed', 'dev-generated', 'test'] as const;
const { values } = parseArgs({ options: { split: { type: 'string' }, only: { type: 'string' }, verbose: { type: 'boolean' }, 'list-test-failures': { type: 'boolean' } } });
if (values.split && !SPLITS.includes(values.split as (typeof SPLITS)[number])) throw new Error(`--split: one of ${SPLITS.join(', ')}`);
const wanted = SPLITS.filter((s) => !values.split || s === values.split);

async function loadSet(name: (typeof SPLITS)[number]): Promise<CorpusSet> {
  if (name === 'dev-committed') {
    const corpus = path.resolve('tests/corpus');
    const truth = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8')) as { today: string; documents: TruthDocument[] };
    return { name, dir: path.join(corpus, 'images'), today: truth.today, documents: truth.documents, listFailures: true };
  }
  const { dir, truth } = await ensureSplit(name === 'test' ? 'test' : 'dev');
  return { name, dir, today: truth.today, documents: truth.documents, listFailures: name !== 'test' || values['list-test-failures'] === true };
}

type Tally = { exact: number; missing: number; wrong: number };
const MRZ_BEARING = new Set(['CIE', 'PASSPORT']);
const ocr = createNodeOcr();
const barcodes = createNodeBarcodeReader();

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

async function report(set: CorpusSet): Promise<void> {
  const documents = set.documents.filter((d) => !values.only || d.id.startsWith(values.only));
  const byType = new Map<string, Map<string, Tally>>();
  const typeHits = new Map<string, { right: number; total: number }>();
  const confident = { right: 0, total: 0 };
  const failures: string[] = [];
  for (const doc of documents) {
    const { reading } = await readDocumentFiles(
      doc.files.map((f) => path.join(set.dir, f)),
      { ocr, barcodes, today: set.today },
    );
    const t = typeHits.get(doc.documentType) ?? { right: 0, total: 0 };
    t.total += 1;
    if (reading.documentType === doc.documentType) t.right += 1;
    typeHits.set(doc.documentType, t);
    const perField = byType.get(doc.documentType) ?? new Map<string, Tally>();
    byType.set(doc.documentType, perField);
    for (const field of ID_DOCUMENT_FIELDS) {
      const expected = doc.fields[field];
      const got = reading.fields[field];
      if (got !== null && (reading.confidence[field] ?? 0) >= 0.9) {
        confident.total += 1;
        if (got === expected) confident.right += 1;
        else failures.push(`${doc.id} (${doc.capture}) ${field}: confident (${reading.confidence[field]}) ${got}, truth ${expected ?? 'none'}`);
      }
      if (expected === null) continue;
      const tally = perField.get(field) ?? { exact: 0, missing: 0, wrong: 0 };
      if (got === expected) tally.exact += 1;
      else if (got === null) tally.missing += 1;
      else tally.wrong += 1;
      if (got !== expected) failures.push(`${doc.id} (${doc.capture}) ${field}: expected ${expected}, got ${got ?? 'null'}`);
      perField.set(field, tally);
    }
    if (reading.documentType !== doc.documentType) failures.push(`${doc.id} (${doc.capture}) type: expected ${doc.documentType}, got ${reading.documentType}`);
    if (values.verbose) console.error(set.name, doc.id, reading.documentType, JSON.stringify(reading.fields), reading.warnings.map((w) => w.code).join(','));
  }

  console.log(`\n=== ${set.name}: ${documents.length} documents (${set.dir}) ===`);
  const groups = { mrz: { exact: 0, total: 0, wrong: 0 }, printed: { exact: 0, total: 0, wrong: 0 } };
  for (const [type, fields] of byType) {
    let exact = 0;
    let total = 0;
    let wrong = 0;
    console.log(`\n${type}  (type detected ${typeHits.get(type)?.right}/${typeHits.get(type)?.total})`);
    for (const [field, t] of fields) {
      const n = t.exact + t.missing + t.wrong;
      exact += t.exact;
      total += n;
      wrong += t.wrong;
      console.log(`  ${field.padEnd(15)} ${t.exact}/${n} exact  ${t.missing} missing  ${t.wrong} wrong`);
    }
    console.log(`  ${'ALL'.padEnd(15)} ${percent(exact, total)} exact (${exact}/${total}), ${wrong} wrong`);
    const group = MRZ_BEARING.has(type) ? groups.mrz : groups.printed;
    group.exact += exact;
    group.total += total;
    group.wrong += wrong;
  }
  const all = { exact: groups.mrz.exact + groups.printed.exact, total: groups.mrz.total + groups.printed.total, wrong: groups.mrz.wrong + groups.printed.wrong };
  console.log(`\n${set.name} summary`);
  console.log(`  MRZ-bearing (CIE, passport): ${percent(groups.mrz.exact, groups.mrz.total)} of fields exact (${groups.mrz.exact}/${groups.mrz.total}), ${groups.mrz.wrong} wrong`);
  console.log(`  printed only (licence, health card, paper ID): ${percent(groups.printed.exact, groups.printed.total)} of fields exact (${groups.printed.exact}/${groups.printed.total}), ${groups.printed.wrong} wrong`);
  console.log(`  all: ${percent(all.exact, all.total)} of fields exact (${all.exact}/${all.total}), ${all.wrong} wrong`);
  console.log(`  calibration: of ${confident.total} values given confidence ≥ 0.9, ${percent(confident.right, confident.total)} right (${confident.total - confident.right} not)`);
  if (failures.length && set.listFailures) console.log(`\n${set.name}: fields not exact\n  ${failures.join('\n  ')}`);
  else if (failures.length) console.log(`  (${failures.length} failures not listed: this split is not for tuning; --list-test-failures shows them)`);
}

try {
  for (const name of wanted) await report(await loadSet(name));
} finally {
  await ocr.pool.terminate();
}
