/**
 * Case bundle benchmark (`npm run bench:bundle`): the real envelope code (renderer/sync/case-bundle-cipher.ts)
 * in Debian's Chromium (real WebCrypto) over a queue of N MiB in 3 MiB attachments, medians:
 *  - PBKDF2-SHA-256 at the bundle's 600,000 iterations (paid once per export and once per import);
 *  - sealing and opening the whole bundle (key derivation included);
 *  - base64 of the sealed bundle (how it crosses IPC to main).
 * Baseline in the same run: one AES-256-GCM call over the same bytes with a key already derived.
 * Options: --runs N (default 5), --mib N (default 64).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchBrowser } from './bench-browser';
import type { runBundleBench } from './bundle-bench.page';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, mib: { type: 'string', default: '64' } } });
const runs = Number(values.runs);
const totalBytes = Number(values.mib) * 1024 * 1024;

const { port, browser, close } = await startBenchBrowser('bundle');
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const pageModule = `/@fs${path.resolve('scripts/bench/bundle-bench.page.ts')}`;
  const result = (await page.evaluate(
    ([modulePath, options]) => import(/* @vite-ignore */ modulePath).then((m) => m.runBundleBench(options)),
    [pageModule, { runs, totalBytes }] as const,
  )) as Awaited<ReturnType<typeof runBundleBench>>;

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mib = result.bytes / 1024 / 1024;
  console.log(`Case bundle benchmark — Chromium ${browser.version()}, ${runs} runs, medians; ${mib.toFixed(1)} MiB in ${result.attachments} attachments`);
  for (const [name, xs] of Object.entries(result.figures)) {
    const m = median(xs);
    console.log(`${name.padEnd(16)} ${m.toFixed(0).padStart(7)} ms${name === 'kdf' ? '' : `  ${(mib / (m / 1000)).toFixed(0).padStart(5)} MiB/s`}`);
  }
  const kdf = median(result.figures.kdf);
  const base = median(result.figures.baselineAesGcm);
  console.log(`seal minus key derivation, vs one AES-GCM call over the same bytes: ${((median(result.figures.seal) - kdf) / base).toFixed(2)}×`);
  console.log(`open minus key derivation, vs one AES-GCM call over the same bytes: ${((median(result.figures.open) - kdf) / base).toFixed(2)}×`);
} finally {
  await close();
}
