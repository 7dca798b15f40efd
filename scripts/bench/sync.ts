/**
 * Client outbox benchmark (`npm run bench:sync`): the real outbox modules in Debian's Chromium (real
 * IndexedDB, WebCrypto, tus-js-client) against the real central service in a child process on this
 * machine. Prints medians over repeated runs:
 *  - upload throughput of a case with three large attachments through the outbox (read and decrypt
 *    from IndexedDB, tus upload, case commit with server-side hash verification) as a ratio to a raw
 *    HTTP upload of the same amount of bytes from the same page to the same server (tus creation +
 *    one PATCH of the whole file: no store, no chunking, no commit), measured in the same run;
 *  - bytes re-sent after the connection is cut halfway through an attachment (fault proxy);
 *  - time to drain N small cases (three 2 KiB attachments each).
 * Options: --runs N (default 5), --mib N (default 8, per attachment), --cases N (default 1000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchBrowser } from './bench-browser';
import { freePort, startChildCentral } from '../../central/tests/child-central';
import { enrollWorkstation } from '../../central/tests/harness';
import { startFaultProxy, faultFirst } from '../../tests/support/fault-proxy';
import { DEFAULT_CHUNK_BYTES } from '../../renderer/sync/attachment-upload';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, mib: { type: 'string', default: '8' }, cases: { type: 'string', default: '1000' } } });
const runs = Number(values.runs);
const fileBytes = Number(values.mib) * 1024 * 1024;
const caseCount = Number(values.cases);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-sync-central-'));
const central = await startChildCentral({ dataDir, port: await freePort(), env: { CENTRAL_MAX_ATTACHMENT_BYTES: String(Math.max(fileBytes, 1024 * 1024) + 1) } });
const proxy = await startFaultProxy({ target: central.url });
const { browser, close } = await startBenchBrowser('sync');

try {
  // The page only loads modules; the app's CSP (set from saved settings) is not what is measured here.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${process.env.SPORTELLO_DEV_PORT}/`);
  const pageModule = `/@fs${path.resolve('scripts/bench/sync-bench.page.ts')}`;
  // Vite may reload the page while it pre-bundles dependencies met for the first time: a measurement
  // cut short that way is simply run again.
  const call = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await page.evaluate(([modulePath, name, rest]) => import(/* @vite-ignore */ modulePath as string).then((m) => m[name as string](...(rest as unknown[]))), [pageModule, fn, args] as const)) as T;
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('Execution context was destroyed')) throw error;
        await page.waitForLoadState('load');
      }
    }
  };

  const office = 'BENCH1';
  const enrolled = await enrollWorkstation(central.url, office, 'bench');
  const direct = { serviceUrl: central.url, token: enrolled.token, workstationId: enrolled.workstationId, officeCode: office };

  const ratios: number[] = [];
  const outboxMBs: number[] = [];
  const rawMBs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { outboxMs, rawMs, bytes } = await call<{ outboxMs: number; rawMs: number; bytes: number }>('measureThroughput', direct, fileBytes);
    outboxMBs.push(bytes / 1024 / 1024 / (outboxMs / 1000));
    rawMBs.push(bytes / 1024 / 1024 / (rawMs / 1000));
    ratios.push(rawMs / outboxMs);
  }
  console.log(`Client outbox benchmark — Chromium ${browser.version()}, ${os.cpus().length} CPUs, ${runs} runs, medians`);
  console.log(`upload, 3 × ${values.mib} MiB per case: outbox ${median(outboxMBs).toFixed(1)} MiB/s, raw upload ${median(rawMBs).toFixed(1)} MiB/s, ratio outbox/raw ${median(ratios).toFixed(2)} (goal ≥ 0.8)`);

  const cutAt = Math.floor(fileBytes / 2);
  proxy.setPlan(faultFirst((r) => r.method === 'PATCH', { kind: 'cut-request', afterBytes: cutAt }));
  const before = proxy.records.length;
  await call<number>('sendOne', { ...direct, serviceUrl: proxy.url }, fileBytes);
  const delivered = proxy.records.slice(before).filter((r) => r.method === 'PATCH').reduce((sum, r) => sum + r.upstreamBodyBytes, 0);
  const patches = proxy.records.slice(before).filter((r) => r.method === 'PATCH').map((r) => `${r.upstreamBodyBytes}→${r.status ?? 'cut'}`);
  console.log(`cut at ${cutAt} bytes of a ${fileBytes}-byte attachment: bytes re-sent ${delivered - fileBytes} (chunk size ${DEFAULT_CHUNK_BYTES}; goal ≤ one chunk); PATCH bytes→status: ${patches.join(', ')}`);
  proxy.setPlan(null);

  const { drainMs, seedMs } = await call<{ drainMs: number; seedMs: number }>('measureDrain', direct, caseCount, 2048);
  console.log(`drain ${caseCount} small cases (3 × 2 KiB): ${(drainMs / 1000).toFixed(1)} s, ${(caseCount / (drainMs / 1000)).toFixed(1)} cases/s (queueing them locally took ${(seedMs / 1000).toFixed(1)} s, not counted)`);
} finally {
  await close();
  await proxy.close();
  await central.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
