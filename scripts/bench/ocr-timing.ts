/**
 * Time to read one ID (front + back) with warm workers: decoding, location, OCR, MRZ, barcode,
 * parsing and the form-vs-ID check, median of repeated runs; against Debian's native `tesseract`
 * CLI doing plain OCR of the same two images in the same run (sequentially, as a script would, and
 * both at once). Run: npx tsx scripts/bench/ocr-timing.ts [--runs 7] [--doc cie-01]
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { readDocumentFiles } from '../../cli/document-files';
import { createNodeBarcodeReader, createNodeOcr } from '../../cli/node-engines';
import { checkFormAgainstDocument } from '../../shared/identity/form-id-check';
import type { FormIdentity } from '../../shared/identity/types';

const run = promisify(execFile);
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, doc: { type: 'string', default: 'cie-01' } } });
const runs = Number(values.runs);
const corpus = path.resolve('tests/corpus');
const truth = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8'));
const doc = truth.documents.find((d: { id: string }) => d.id === values.doc);
const person = truth.people[doc.person];
const files: string[] = doc.files.map((f: string) => path.join(corpus, 'images', f));
const form: FormIdentity = { surname: person.surname, givenNames: person.givenNames, birthDate: person.birthDate, sex: person.sex, birthPlace: person.birthPlace, birthProvince: person.birthProvince, fiscalCode: person.fiscalCode };

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const native = (file: string) => run('tesseract', [file, '-', '-l', 'ita'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });

const ocr = createNodeOcr();
const barcodes = createNodeBarcodeReader();
const startup = await time(() => ocr.pool.warmUp());
// One unmeasured read: the first recognize of each worker loads the model into its heap.
await readDocumentFiles(files, { ocr, barcodes, today: truth.today });

const ours: number[] = [];
const nativeSequential: number[] = [];
const nativeParallel: number[] = [];
let outcome = '';
for (let i = 0; i < runs; i += 1) {
  // Interleaved, so machine load hits both sides alike.
  ours.push(
    await time(async () => {
      const { reading } = await readDocumentFiles(files, { ocr, barcodes, today: truth.today });
      outcome = checkFormAgainstDocument(form, reading, truth.today).outcome;
    }),
  );
  nativeSequential.push(await time(async () => {
    for (const f of files) await native(f);
  }));
  nativeParallel.push(await time(() => Promise.all(files.map(native))));
}
await ocr.pool.terminate();

const m = median(ours);
console.log(`document ${doc.id} (${doc.files.join(' + ')}), ${runs} runs, workers ${Math.min(4, Math.max(1, (await import('node:os')).availableParallelism()))}, pool start ${Math.round(startup)} ms`);
console.log(`whole read + check (warm), median:        ${Math.round(m)} ms   (outcome ${outcome}; runs ${ours.map(Math.round).join(', ')})`);
console.log(`native tesseract, plain OCR, sequential:  ${Math.round(median(nativeSequential))} ms   ratio ours/native ${(m / median(nativeSequential)).toFixed(2)}`);
console.log(`native tesseract, plain OCR, 2 at once:   ${Math.round(median(nativeParallel))} ms   ratio ours/native ${(m / median(nativeParallel)).toFixed(2)}`);
