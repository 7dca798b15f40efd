/**
 * Local store benchmark (`npm run bench:store`): runs the real store modules in Debian's Chromium
 * (real IndexedDB, real WebCrypto) against dev web mode, and prints medians over repeated runs:
 *  - saving a case: draft, five fields, three distinct 2 MB scans (hash + encryption + write);
 *  - listing 10,000 cases: first page, a deep page, a state filter, a name search, counts by state.
 * The baseline is the same repository code with a pass-through cipher (no AES-GCM, no HMAC), on a
 * database with the same content, measured in the same run: the ratio is the cost of encryption.
 * Options: --runs N (default 7), --cases N (default 10000), --scan-mib N (default 2).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchBrowser } from './bench-browser';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, cases: { type: 'string', default: '10000' }, 'scan-mib': { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const caseCount = Number(values.cases);
const scanBytes = Number(values['scan-mib']) * 1024 * 1024;

const { port, browser, close } = await startBenchBrowser('store');

type Figures = Record<string, { encrypted: number[]; plain: number[] }>;

try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  // The measured code is a browser module served by Vite (imports resolved like the app's).
  const pageModule = `/@fs${path.resolve('scripts/bench/store-bench.page.ts')}`;
  const result = (await page.evaluate(
    ([modulePath, options]) => import(/* @vite-ignore */ modulePath).then((m) => m.runStoreBench(options)),
    [pageModule, { runs, caseCount, scanBytes }] as const,
  )) as { figures: Figures; seedMs: Record<'encrypted' | 'plain', number> };

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const figures: Figures = result.figures;
  console.log(`Local store benchmark — Chromium ${browser.version()}, ${runs} runs, medians in ms; ${caseCount} cases listed; scans of ${values['scan-mib']} MiB`);
  console.log(`${'operation'.padEnd(34)} ${'encrypted'.padStart(10)} ${'plain'.padStart(10)} ${'ratio'.padStart(7)}`);
  for (const [name, { encrypted, plain }] of Object.entries(figures)) {
    const e = median(encrypted);
    const p = median(plain);
    console.log(`${name.padEnd(34)} ${e.toFixed(1).padStart(10)} ${p.toFixed(1).padStart(10)} ${(e / p).toFixed(2).padStart(7)}`);
  }
  console.log(`seeding ${caseCount} cases (one pass, bulk): encrypted ${result.seedMs.encrypted.toFixed(0)} ms, plain ${result.seedMs.plain.toFixed(0)} ms`);
} finally {
  await close();
}
