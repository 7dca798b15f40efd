/**
 * Field accuracy of document reading over the whole synthetic corpus, per document type and per
 * field: exact (value equals the ground truth), missing (null: the reader declined) and wrong (a
 * value that differs: the failure that matters most). Run: npx tsx scripts/bench/ocr-accuracy.ts
 * [--only <id-prefix>] [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDocumentFiles } from '../../cli/document-files';
import { createNodeBarcodeReader, createNodeOcr } from '../../cli/node-engines';
import { ID_DOCUMENT_FIELDS, type IdDocumentField } from '../../shared/identity/types';

interface TruthDocument {
  id: string;
  documentType: string;
  capture: string;
  files: string[];
  fields: Record<IdDocumentField, string | null>;
}

const corpus = path.resolve('tests/corpus');
const truth = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8')) as { today: string; documents: TruthDocument[] };
const { values } = parseArgs({ options: { only: { type: 'string' }, verbose: { type: 'boolean' } } });
const documents = truth.documents.filter((d) => !values.only || d.id.startsWith(values.only));

const ocr = createNodeOcr();
const barcodes = createNodeBarcodeReader();
type Tally = { exact: number; missing: number; wrong: number };
const byType = new Map<string, Map<string, Tally>>();
const typeHits = new Map<string, { right: number; total: number }>();
const failures: string[] = [];

for (const doc of documents) {
  const { reading } = await readDocumentFiles(
    doc.files.map((f) => path.join(corpus, 'images', f)),
    { ocr, barcodes, today: truth.today },
  );
  const t = typeHits.get(doc.documentType) ?? { right: 0, total: 0 };
  t.total += 1;
  if (reading.documentType === doc.documentType) t.right += 1;
  typeHits.set(doc.documentType, t);
  const perField = byType.get(doc.documentType) ?? new Map<string, Tally>();
  byType.set(doc.documentType, perField);
  for (const field of ID_DOCUMENT_FIELDS) {
    const expected = doc.fields[field];
    if (expected === null) continue;
    const got = reading.fields[field];
    const tally = perField.get(field) ?? { exact: 0, missing: 0, wrong: 0 };
    if (got === expected) tally.exact += 1;
    else if (got === null) tally.missing += 1;
    else tally.wrong += 1;
    if (got !== expected) failures.push(`${doc.id} (${doc.capture}) ${field}: expected ${expected}, got ${got ?? 'null'}`);
    perField.set(field, tally);
  }
  if (values.verbose) console.error(doc.id, reading.documentType, JSON.stringify(reading.fields), reading.warnings.map((w) => w.code).join(','));
}
await ocr.pool.terminate();

let allExact = 0;
let allTotal = 0;
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
  console.log(`  ${'ALL'.padEnd(15)} ${((100 * exact) / total).toFixed(1)} % exact (${exact}/${total}), ${wrong} wrong`);
  allExact += exact;
  allTotal += total;
}
console.log(`\nAll documents: ${((100 * allExact) / allTotal).toFixed(1)} % of fields exact (${allExact}/${allTotal})`);
if (failures.length) console.log(`\nFields not exact:\n  ${failures.join('\n  ')}`);
