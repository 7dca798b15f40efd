/**
 * The counter flow in Chromium (dev web mode): time to the first usable screen, time from the last
 * scan attached to the check on screen (warm OCR workers, real pipeline), and the UI thread's long
 * tasks while the scans are read (PerformanceObserver 'longtask'). Baseline in the same run:
 * Debian's native `tesseract` doing plain OCR of the same four images, one after the other.
 * Run: npx tsx scripts/bench/intake.ts [--runs 5]
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { startBenchBrowser } from './bench-browser';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
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

/** One applicant: a new case, every scan but the last, then the timed part. */
async function lastScanToCheck(page: Page): Promise<{ ms: number; longTasks: number[] }> {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: 'Medico esterno' }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await page.getByRole('heading', { name: /^Pratica / }).waitFor();
  await page.locator('[data-role="modulo"]').getByLabel('Scegli file: Modulo di richiesta firmato').setInputFiles(formPages);
  await page.locator('[data-role="documento-fronte"]').getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(front);
  await page.locator('[data-role="documento-fronte"] .thumbnails li').waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.locator('[data-role="documento-retro"]').getByLabel('Scegli file: Documento di identità – retro').setInputFiles(back);
  await page.locator('[data-role="documento-retro"] .thumbnails li').waitFor();
  await page.keyboard.press('Alt+4');
  await page.getByRole('status').filter({ hasText: 'Documenti letti' }).waitFor({ timeout: 300_000 });
  await page.locator('[data-item="identity"][data-status="ok"]').waitFor();
  const ms = Date.now() - started;
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await page.getByRole('button', { name: 'Torna all’elenco' }).click();
  return { ms, longTasks };
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
  const flow: number[] = [];
  const allLongTasks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, longTasks } = await lastScanToCheck(page);
    flow.push(ms);
    allLongTasks.push(...longTasks);
  }

  const nativeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    for (const file of [...formPages, front, back]) await native('tesseract', [file, '-', '-l', 'ita'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    nativeTimes.push(Date.now() - started);
  }

  const flowMedian = median(flow);
  console.log(`Intake benchmark — Chromium ${rig.browser.version()}, ${runs} runs, medians`);
  console.log(`first usable screen (dev web mode, warm server):      ${Math.round(median(firstScreen))} ms`);
  console.log(`last scan attached → check on screen (warm workers):  ${Math.round(flowMedian)} ms  (runs: ${flow.join(', ')})`);
  console.log(`native tesseract, plain OCR of the same 4 images:     ${Math.round(median(nativeTimes))} ms  ratio ours/native ${(flowMedian / median(nativeTimes)).toFixed(2)}`);
  console.log(`UI-thread long tasks while reading: ${allLongTasks.length} over ${runs} runs; longest ${Math.round(Math.max(0, ...allLongTasks))} ms; over 100 ms: ${allLongTasks.filter((d) => d > 100).length}`);
} finally {
  await rig.close();
}
