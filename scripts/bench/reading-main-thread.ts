/**
 * The renderer's main thread while documents are read (Chromium, dev web mode): every long task
 * (PerformanceObserver 'longtask', > 50 ms) seen while the app's document reader reads a scan of
 * each kind the counter gets — card scans, a card on a flatbed A4, both sides on one page, a phone
 * photo, a printed form, a digitally filled PDF form, and the prefilled form's code search every
 * captured file goes through. Warm workers; the goal is no task over 100 ms on the UI
 * thread during OCR. Baseline in the same run: the same page idle for as long.
 * Run: npx tsx scripts/bench/reading-main-thread.ts [--runs 3]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchBrowser } from './bench-browser';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const corpus = (name: string) => readFileSync(path.resolve('tests/corpus', name)).toString('base64');

const cases: Array<{ label: string; kind: 'id' | 'form' | 'code-search'; files: string[] }> = [
  { label: 'CIE scans, front + back', kind: 'id', files: ['images/cie-02-front.jpg', 'images/cie-02-back.jpg'] },
  { label: 'CIE on a flatbed A4', kind: 'id', files: ['images/cie-07-front.jpg', 'images/cie-07-back.jpg'] },
  { label: 'CIE both sides, one page', kind: 'id', files: ['images/cie-08-both.jpg'] },
  { label: 'CIE phone photos', kind: 'id', files: ['images/cie-14-front.jpg', 'images/cie-14-back.jpg'] },
  { label: 'passport on a flatbed', kind: 'id', files: ['images/passport-06.jpg'] },
  { label: 'printed form, 2 pages', kind: 'form', files: ['forms/printed-dangelo-signed-p1.jpg', 'forms/printed-dangelo-signed-p2.jpg'] },
  { label: 'digitally filled PDF form', kind: 'form', files: ['forms/digital-rossi.pdf'] },
  // What every captured file goes through before it is stored: the prefilled form's code search.
  { label: 'code search on a captured page', kind: 'code-search', files: ['forms/printed-dangelo-signed-p1.jpg'] },
];

interface Measured {
  ms: number;
  longTasks: number[];
}

const rig = await startBenchBrowser('reading-main-thread');
try {
  const page = await rig.browser.newPage();
  await page.goto(`http://127.0.0.1:${rig.port}/`);
  const input = cases.map((c) => ({ ...c, data: c.files.map((f) => ({ name: path.basename(f), data: corpus(f) })) }));
  const results = await page.evaluate(
    async ({ input, runs, templateModule, templateJson }) => {
      const readerModule = '/ocr/document-reader.ts';
      const { createDocumentReader } = await import(/* @vite-ignore */ readerModule);
      const { parseFormTemplate } = await import(/* @vite-ignore */ templateModule);
      const template = parseFormTemplate(templateJson);
      const reader = createDocumentReader();
      await reader.warmUp();
      const longTasks: number[] = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
      const out: Record<string, Array<{ ms: number; longTasks: number[] }>> = { idle: [] };
      for (const c of input) {
        const files = c.data.map((f: { name: string; data: string }) => ({ name: f.name, bytes: Uint8Array.from(atob(f.data), (ch) => ch.charCodeAt(0)) }));
        // The first read of each kind is a warm-up (module and wasm compilation in the workers).
        for (let run = 0; run <= runs; run += 1) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          longTasks.length = 0;
          const started = performance.now();
          if (c.kind === 'id') await reader.read(files, '2026-11-23');
          else if (c.kind === 'form') await reader.readForm(files, template);
          else await reader.findSignedForm(files[0]);
          const ms = performance.now() - started;
          await new Promise((resolve) => setTimeout(resolve, 200));
          if (run > 0) (out[c.label] ??= []).push({ ms, longTasks: [...longTasks] });
          longTasks.length = 0;
          await new Promise((resolve) => setTimeout(resolve, ms));
          await new Promise((resolve) => setTimeout(resolve, 200));
          if (run > 0) out.idle.push({ ms, longTasks: [...longTasks] });
        }
      }
      await reader.terminate();
      return out;
    },
    { input, runs, templateModule: `/@fs${path.resolve('shared/document-reading/form-template.ts')}`, templateJson: JSON.parse(readFileSync('resources/forms/modulo-abilitazione-facsimile.template.json', 'utf8')) as unknown },
  );

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const row = (label: string, measured: Measured[]) => {
    const tasks = measured.flatMap((m) => m.longTasks);
    return `${label.padEnd(30)} ${String(Math.round(median(measured.map((m) => m.ms)))).padStart(7)} ${String(tasks.length).padStart(6)} ${String(Math.round(Math.max(0, ...tasks))).padStart(8)} ${String(tasks.filter((d) => d > 100).length).padStart(8)}`;
  };
  console.log(`Main thread during document reading — Chromium ${rig.browser.version()}, warm workers, ${runs} runs per case`);
  console.log(`${'case'.padEnd(30)} ${'read ms'.padStart(7)} ${'tasks'.padStart(6)} ${'longest'.padStart(8)} ${'> 100 ms'.padStart(8)}   (tasks: main-thread long tasks > 50 ms, all runs)`);
  for (const c of cases) console.log(row(c.label, results[c.label]));
  console.log(row('baseline: idle page, as long', results.idle));
  const all = cases.flatMap((c) => results[c.label].flatMap((m) => m.longTasks));
  console.log(`main-thread tasks over 100 ms while reading: ${all.filter((d) => d > 100).length}; longest ${Math.round(Math.max(0, ...all))} ms`);
} finally {
  await rig.close();
}
