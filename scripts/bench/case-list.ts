/**
 * Case list benchmark (`npm run bench:case-list`): the real home screen in Debian's Chromium,
 * against dev web mode, on a workstation store seeded with 10,000 encrypted cases. Prints medians
 * over repeated runs of:
 *  - each filter or search, from applying it to the matching rows shown on screen;
 *  - opening the screen, until its first page of rows and the send-queue counts are shown;
 *  - jumping by scroll to 40 points across the whole list, until the rows there are shown;
 *  - the main-thread tasks over 50 ms (long tasks) during that sweep, and how many rows were mounted.
 * Baseline, measured in the same run on the same data: the same query made straight to the store
 * (`listCases`, plus `countByState` when opening): the ratio is what the screen adds to the store.
 * Options: --runs N (default 7), --cases N (default 10000).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchBrowser } from './bench-browser';
import type { Timings } from './case-list-bench.page';
import { seedManyCases } from '../../tests/browser/case-list-seed';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, cases: { type: 'string', default: '10000' } } });
const runs = Number(values.runs);
const caseCount = Number(values.cases);

const { port, browser, close } = await startBenchBrowser('case-list');

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('Nome utente').fill('admin.bench');
  await page.getByLabel('Nome e cognome dell’operatore').fill('Amministratore Benchmark');
  await page.getByLabel('Password', { exact: true }).fill('password-del-benchmark');
  await page.getByLabel('Ripetere la password').fill('password-del-benchmark');
  await page.getByRole('button', { name: 'Crea amministratore' }).click();
  await page.locator('form.case-filters').waitFor();

  // The measured code is a browser module served by Vite, sharing the app's module instances.
  const pageModule = `/@fs${path.resolve('scripts/bench/case-list-bench.page.ts')}`;
  const seedMs = await seedManyCases(page, caseCount);
  await page.getByText(`${caseCount} pratiche`, { exact: true }).waitFor();
  const result = (await page.evaluate(([modulePath, n]) => import(/* @vite-ignore */ modulePath).then((m) => m.measureCaseList(n)), [pageModule, runs] as const)) as {
    timings: Timings;
    mountedRows: number;
    total: number;
    longTaskMs: number[];
    scrollSteps: number;
  };

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`Case list benchmark — Chromium ${browser.version()}, ${result.total} encrypted cases, ${runs} runs, medians in ms`);
  console.log(`${'operation'.padEnd(36)} ${'screen'.padStart(8)} ${'store'.padStart(8)} ${'ratio'.padStart(6)} ${'n'.padStart(4)}`);
  for (const [name, { ui, store }] of Object.entries(result.timings)) {
    const u = median(ui);
    const s = median(store);
    console.log(`${name.padEnd(36)} ${u.toFixed(1).padStart(8)} ${s.toFixed(1).padStart(8)} ${(u / s).toFixed(2).padStart(6)} ${String(ui.length).padStart(4)}`);
  }
  console.log(`rows mounted in the list: ${result.mountedRows} of ${result.total}`);
  console.log(`main-thread tasks over 50 ms during the ${result.scrollSteps}-step scroll sweep: ${result.longTaskMs.length}${result.longTaskMs.length ? ` (${result.longTaskMs.join(', ')} ms)` : ''}`);
  console.log(`seeding ${caseCount} cases (bulk, encrypted): ${seedMs.toFixed(0)} ms`);
} finally {
  await close();
}
