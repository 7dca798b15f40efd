/**
 * The counter flow in Chromium (dev web mode): time to the first usable screen, time from the last
 * scan attached to the check on screen (warm OCR workers, real pipeline), and the UI thread's long
 * tasks while the scans are read (PerformanceObserver 'longtask'). Baseline in the same run:
 * Debian's native `tesseract` doing plain OCR of the same four images, one after the other.
 * `--attribute` adds one traced run and prints, for each task over 50 ms, the code it ran.
 * Run: npx tsx scripts/bench/intake.ts [--runs 5] [--attribute]
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { startBenchBrowser } from './bench-browser';
import { attributeLongTasks, printAttribution, TRACE_CATEGORIES, WINDOW_MARK } from './long-task-attribution';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, attribute: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const corpus = (name: string) => path.resolve('tests/corpus', name);
const formPages = [corpus('forms/printed-dangelo-signed-p1.jpg'), corpus('forms/printed-dangelo-signed-p2.jpg')];
const front = corpus('images/cie-02-front.jpg');
const back = corpus('images/cie-02-back.jpg');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function signIn(page: Page) {
  const firstRun = page.getByRole('heading', { name: 'Primo avvio: creare l’amministratore' });
  await firstRun.or(page.getByRole('heading', { name: 'Accesso operatore' })).waitFor();
  if (await firstRun.isVisible()) {
    await page.getByLabel('Nome utente').fill('bench.admin');
    await page.getByLabel('Nome e cognome dell’operatore').fill('Banco Prova');
    await page.getByLabel('Password', { exact: true }).fill('password-del-banco-2026');
    await page.getByLabel('Ripetere la password').fill('password-del-banco-2026');
    await page.getByRole('button', { name: 'Crea amministratore' }).click();
  } else {
    await page.getByLabel('Nome utente').fill('bench.admin');
    await page.getByLabel('Password', { exact: true }).fill('password-del-banco-2026');
    await page.getByRole('button', { name: 'Accedi' }).click();
  }
  await page.getByRole('navigation', { name: 'Navigazione principale' }).waitFor();
}

/** Starts counting the page's long tasks (one observer at a time; `stopLongTasks` disconnects it). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate((mark) => {
    console.timeStamp(mark);
    const w = window as unknown as { __longTasks: { durations: number[]; observer: PerformanceObserver } };
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => durations.push(e.duration)));
    observer.observe({ type: 'longtask' });
    w.__longTasks = { durations, observer };
  }, WINDOW_MARK);
}

async function stopLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: { durations: number[]; observer: PerformanceObserver } };
    w.__longTasks.observer.disconnect();
    return w.__longTasks.durations;
  });
}

interface Run {
  ms: number;
  /** Long tasks from the last scan attached to the check on screen. */
  reading: number[];
  /** Baseline: the same page (the check on screen), idle for as long. */
  idle: number[];
}

/** One applicant: a new case, every scan but the last, then the timed part, then as long idle. */
async function lastScanToCheck(page: Page, around?: { before(): Promise<void>; after(): Promise<void> }): Promise<Run> {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: 'Medico esterno' }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await page.getByRole('heading', { name: /^Pratica / }).waitFor();
  await page.locator('[data-role="modulo"]').getByLabel('Scegli file: Modulo di richiesta firmato').setInputFiles(formPages);
  await page.locator('[data-role="documento-fronte"]').getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(front);
  await page.locator('[data-role="documento-fronte"] .thumbnails li').waitFor();
  await around?.before();
  await watchLongTasks(page);
  const started = Date.now();
  await page.locator('[data-role="documento-retro"]').getByLabel('Scegli file: Documento di identità – retro').setInputFiles(back);
  await page.locator('[data-role="documento-retro"] .thumbnails li').waitFor();
  await page.keyboard.press('Alt+4');
  await page.getByRole('status').filter({ hasText: 'Documenti letti' }).waitFor({ timeout: 300_000 });
  await page.locator('[data-item="identity"][data-status="ok"]').waitFor();
  const ms = Date.now() - started;
  const reading = await stopLongTasks(page);
  await around?.after();
  await watchLongTasks(page);
  await page.waitForTimeout(ms);
  const idle = await stopLongTasks(page);
  await page.getByRole('button', { name: 'Torna all’elenco' }).click();
  return { ms, reading, idle };
}

/** Per run: count over 50 ms, count over 100 ms, longest; printed as median [min–max] over the runs. */
function longTaskLine(label: string, runs: number[][]): string {
  const spread = (xs: number[]) => `${String(Math.round(median(xs))).padStart(4)} [${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}]`.padEnd(16);
  const over = (limit: number) => runs.map((tasks) => tasks.filter((d) => d > limit).length);
  const longest = runs.map((tasks) => Math.max(0, ...tasks));
  const blocking = runs.map((tasks) => tasks.reduce((sum, d) => sum + d - 50, 0));
  return `${label.padEnd(38)} ${spread(over(50))} ${spread(over(100))} ${spread(longest)} ${spread(blocking)}`;
}

const rig = await startBenchBrowser('intake');
const native = promisify(execFile);
try {
  const firstScreen: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${rig.port}/`);
    await page.getByRole('heading', { name: 'Primo avvio: creare l’amministratore' }).or(page.getByRole('heading', { name: 'Accesso operatore' })).waitFor();
    if (i > 0) firstScreen.push(Date.now() - started); // the first load also transforms every module
    await context.close();
  }

  const page = await rig.browser.newPage();
  await page.goto(`http://127.0.0.1:${rig.port}/`);
  await signIn(page);
  await lastScanToCheck(page); // warm-up: starts the OCR workers
  const measured: Run[] = [];
  for (let i = 0; i < runs; i++) measured.push(await lastScanToCheck(page));

  const nativeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    for (const file of [...formPages, front, back]) await native('tesseract', [file, '-', '-l', 'ita'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    nativeTimes.push(Date.now() - started);
  }

  const flow = measured.map((run) => run.ms);
  const flowMedian = median(flow);
  console.log(`Intake benchmark — Chromium ${rig.browser.version()}, ${runs} runs, medians; load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`first usable screen (dev web mode, warm server):      ${Math.round(median(firstScreen))} ms`);
  console.log(`last scan attached → check on screen (warm workers):  ${Math.round(flowMedian)} ms  (runs: ${flow.join(', ')})`);
  console.log(`native tesseract, plain OCR of the same 4 images:     ${Math.round(median(nativeTimes))} ms  ratio ours/native ${(flowMedian / median(nativeTimes)).toFixed(2)}`);
  console.log(`UI-thread long tasks per run (PerformanceObserver 'longtask'), median [min–max] over ${runs} runs:`);
  console.log(`${''.padEnd(38)} ${'> 50 ms'.padEnd(16)} ${'> 100 ms'.padEnd(16)} ${'longest ms'.padEnd(16)} ${'blocking ms'.padEnd(16)}`);
  console.log(longTaskLine('last scan → check (reading)', measured.map((run) => run.reading)));
  console.log(longTaskLine('baseline: same page idle, as long', measured.map((run) => run.idle)));
  const all = measured.flatMap((run) => run.reading);
  console.log(`all ${runs} readings: ${all.filter((d) => d > 50).length} tasks over 50 ms, ${all.filter((d) => d > 100).length} over 100 ms, longest ${Math.round(Math.max(0, ...all))} ms`);

  if (values.attribute) {
    // A traced run, apart from the measured ones (tracing slows the page): which code each long task ran.
    let trace: Buffer = Buffer.from('[]');
    const traced = await lastScanToCheck(page, {
      before: () => rig.browser.startTracing(page, { categories: TRACE_CATEGORIES }),
      after: async () => {
        trace = await rig.browser.stopTracing();
      },
    });
    const tasks = attributeLongTasks(trace);
    const heapMiB = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20);
    console.log(`traced run, last scan → check (${traced.ms} ms; tracing slows the page): ${tasks.length} main-thread tasks over 50 ms; page JS heap ${heapMiB.toFixed(0)} MiB`);
    printAttribution(tasks);
  }
} finally {
  await rig.close();
}
