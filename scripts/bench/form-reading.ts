/**
 * Scanned forms "printed and scanned crooked" (tests/corpus/crooked-forms.ts: the facsimile filled
 * digitally, rendered by pdftoppm at 150/200/300 dpi, shifted, scaled, rotated, blurred, noised and
 * JPEG-compressed by ImageMagick on a grey bed), read as the app reads them. Per split, apart:
 * typed zones exact / missing / wrong, wrong values shown as sure (confidence ≥ 0.9), profile
 * right, typed zones taken for handwriting, forms with a page not registered.
 *   npm run bench:form-reading -- [--split dev|test] [--count 12] [--verbose]
 * The forms are generated once into $TMPDIR/form-reading-bench/<split>-<count> (poppler-utils and
 * imagemagick needed) and reused by later runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFormTemplate, readFormFiles } from '../../cli/form-files';
import { createNodeOcr } from '../../cli/node-engines';
import { FORM_FIELD_NAMES } from '../../shared/document-reading/form-template';
import { writeCrookedForms, type CrookedForm, type CrookedSplit } from '../../tests/corpus/crooked-forms';

const { values: args } = parseArgs({ options: { split: { type: 'string' }, count: { type: 'string', default: '12' }, verbose: { type: 'boolean' } } });
const splits: CrookedSplit[] = args.split ? [args.split as CrookedSplit] : ['dev', 'test'];
const count = Number(args.count);
const template = await loadFormTemplate();
const ocr = createNodeOcr(2);

async function formsOf(split: CrookedSplit): Promise<{ dir: string; forms: CrookedForm[] }> {
  const dir = path.join(os.tmpdir(), 'form-reading-bench', `${split}-${count}`);
  const truth = path.join(dir, 'forms.json');
  if (existsSync(truth)) return { dir, forms: JSON.parse(readFileSync(truth, 'utf8')) as CrookedForm[] };
  console.log(`generating ${count} ${split} forms into ${dir} …`);
  const forms = await writeCrookedForms(dir, split, count);
  writeFileSync(truth, JSON.stringify(forms, null, 1));
  return { dir, forms };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

for (const split of splits) {
  const { dir, forms } = await formsOf(split);
  const t = { zones: 0, exact: 0, missing: 0, wrong: 0, wrongSure: 0, sure: 0, sureRight: 0, handwritten: 0, inkInEmpty: 0, profiles: 0, unregistered: 0, seconds: [] as number[] };
  for (const form of forms) {
    const started = performance.now();
    const reading = await readFormFiles(form.files.map((f) => path.join(dir, f)), template, ocr);
    t.seconds.push((performance.now() - started) / 1000);
    if (reading.warnings.some((w) => w.code === 'formNotRegistered')) t.unregistered += 1;
    for (const name of FORM_FIELD_NAMES) {
      if (name === 'tipo_profilo') continue;
      const truth = form.values[name] ?? '';
      const field = reading.fields[name];
      if (truth === '') {
        if (field) t.inkInEmpty += 1;
        continue;
      }
      t.zones += 1;
      if (field?.writing === 'handwritten') t.handwritten += 1;
      if (field && field.confidence >= 0.9) t.sure += 1;
      if (!field) t.missing += 1;
      else if (field.value === truth) {
        t.exact += 1;
        if (field.confidence >= 0.9) t.sureRight += 1;
      } else {
        t.wrong += 1;
        if (field.confidence >= 0.9) t.wrongSure += 1;
      }
      if (args.verbose && field?.value !== truth) console.log(`  ${form.id} ${name}: ${JSON.stringify(field?.value ?? null)} (${field?.confidence ?? '-'}) for ${JSON.stringify(truth)}  [${form.scans[form.files.length > 1 && template.fields[name].page === 2 ? 1 : 0].dpi} dpi, ${form.scans[0].font}]`);
    }
    if ((reading.fields.tipo_profilo?.value ?? null) === form.profile) t.profiles += 1;
    else if (args.verbose) console.log(`  ${form.id} profile: ${reading.fields.tipo_profilo?.value ?? null} for ${form.profile} (${reading.warnings.map((w) => w.code).join(', ')})`);
  }
  const median = [...t.seconds].sort((a, b) => a - b)[t.seconds.length >> 1];
  console.log(`${split} split (${forms.length} forms, ${forms.length * 2} pages, ${t.zones} typed zones): exact ${t.exact} (${pct(t.exact, t.zones)}), missing ${t.missing}, wrong ${t.wrong} (of them confidence ≥ 0.9: ${t.wrongSure}); values at confidence ≥ 0.9: ${t.sure}, right ${pct(t.sureRight, t.sure)}; ink read in empty zones ${t.inkInEmpty}; typed zones taken for handwriting ${t.handwritten}; profile right ${t.profiles}/${forms.length}; forms with a page not registered ${t.unregistered}; median ${median.toFixed(1)} s per form`);
}
await ocr.pool.terminate();
