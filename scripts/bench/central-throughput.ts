/**
 * Central service benchmark (`npm run bench:central`): the service runs as `npm run central` would,
 * in a child process with its own SQLite database; this process is the load generator (on a 2-core
 * machine both share the CPUs). Prints medians over repeated runs and ratios against baselines
 * measured in the same run:
 *  - case creations/s (PUT /cases with verified attachments) vs authenticated reads/s (GET /workstation);
 *  - identical resends/s (the idempotent path a retrying outbox hits);
 *  - attachment upload MB/s with tus-js-client vs a raw HTTP upload of the same bytes to the same
 *    server (one POST, then the whole file in a single PATCH: the least any tus client can send);
 *  - bytes re-sent by tus-js-client after the connection is cut halfway through the file (fault proxy).
 * Options: --runs N (default 5), --cases N (default 200), --concurrency N (default 8), --mib N (default 16).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startChildCentral, freePort } from '../../central/tests/child-central';
import { buildSubmission, call, enrollWorkstation, makeTempDir, sampleAttachments, sha256, uploadAttachment, type AttachmentFile } from '../../central/tests/harness';
import type { CaseSubmission } from '../../shared/central-api/cases';
import { UPLOADS_PATH } from '../../shared/central-api/protocol';
import { startFaultProxy } from '../../tests/support/fault-proxy';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, cases: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '8' }, mib: { type: 'string', default: '16' } },
});
const runs = Number(values.runs);
const casesPerRun = Number(values.cases);
const concurrency = Number(values.concurrency);
const fileBytes = Number(values.mib) * 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function parallel(count: number, work: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** The baseline upload: tus creation, then the whole file in one PATCH with Node's http client. */
async function rawUpload(baseUrl: string, token: string, file: AttachmentFile): Promise<void> {
  const created = await fetch(`${baseUrl}${UPLOADS_PATH}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(file.bytes.length),
      'Upload-Metadata': `caseId ${Buffer.from(randomUUID()).toString('base64')},attachmentId ${Buffer.from(file.attachmentId).toString('base64')},sha256 ${Buffer.from(sha256(file.bytes)).toString('base64')}`,
    },
  });
  if (created.status !== 201) throw new Error(`create ${created.status}`);
  const location = new URL(created.headers.get('location') as string, `${baseUrl}${UPLOADS_PATH}/`);
  await new Promise<void>((resolve, reject) => {
    const request = http.request(
      location,
      {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': file.bytes.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 204 ? resolve() : reject(new Error(`patch ${response.statusCode}`))));
      },
    );
    request.on('error', reject);
    request.end(file.bytes);
  });
}

async function main(): Promise<void> {
  const dataDir = await makeTempDir('central-bench-');
  const central = await startChildCentral({ dataDir, port: await freePort(), env: { CENTRAL_MAX_ATTACHMENT_BYTES: String(fileBytes * 2) } });
  try {
    const { token } = await enrollWorkstation(central.url, 'BN01');
    const reads: number[] = [];
    const creations: number[] = [];
    const resends: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Attachments are uploaded beforehand: this measures the commit (verify, archive, fsync, transaction).
      const prepared: CaseSubmission[] = [];
      for (let i = 0; i < casesPerRun; i++) {
        const caseId = randomUUID();
        const files = sampleAttachments([2048]);
        prepared.push(buildSubmission(caseId, files, [await uploadAttachment(central.url, token, caseId, files[0])]));
      }
      const readSeconds = await parallel(casesPerRun, async () => {
        if ((await call(central.url, 'GET', '/api/v1/workstation', { token })).status !== 200) throw new Error('read failed');
      });
      const createSeconds = await parallel(casesPerRun, async (i) => {
        if ((await call(central.url, 'PUT', `/api/v1/cases/${prepared[i].caseId}`, { token, body: prepared[i] })).status !== 201) throw new Error('create failed');
      });
      const resendSeconds = await parallel(casesPerRun, async (i) => {
        if ((await call(central.url, 'PUT', `/api/v1/cases/${prepared[i].caseId}`, { token, body: prepared[i] })).status !== 200) throw new Error('resend failed');
      });
      reads.push(casesPerRun / readSeconds);
      creations.push(casesPerRun / createSeconds);
      resends.push(casesPerRun / resendSeconds);
    }

    const [file] = sampleAttachments([fileBytes]);
    const raw: number[] = [];
    const tusWhole: number[] = [];
    const tusChunked: number[] = [];
    const mb = fileBytes / 1e6;
    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return mb / ((performance.now() - started) / 1000);
    };
    for (let run = 0; run < runs; run++) {
      raw.push(await timed(() => rawUpload(central.url, token, file)));
      tusWhole.push(await timed(() => uploadAttachment(central.url, token, randomUUID(), file)));
      tusChunked.push(await timed(() => uploadAttachment(central.url, token, randomUUID(), file, { chunkSize: 1024 * 1024 })));
    }

    const proxy = await startFaultProxy({ target: central.url });
    const resent = { whole: [] as number[], chunked: [] as number[] };
    for (let run = 0; run < runs; run++) {
      for (const [variant, chunkSize] of [['whole', Number.POSITIVE_INFINITY], ['chunked', 1024 * 1024]] as const) {
        proxy.records.length = 0;
        let cutDone = false;
        let sentBeforeCut = 0;
        proxy.setPlan((request) => {
          if (request.method !== 'PATCH' || cutDone) return null;
          // Cut the PATCH that carries the middle of the file, at the middle of the file.
          const afterBytes = fileBytes / 2 - sentBeforeCut;
          if (afterBytes >= Math.min(chunkSize, fileBytes)) {
            sentBeforeCut += Math.min(chunkSize, fileBytes);
            return null;
          }
          cutDone = true;
          return { kind: 'cut-request', afterBytes };
        });
        await uploadAttachment(proxy.url, token, randomUUID(), file, { chunkSize, retryDelays: [0, 50, 100, 200] });
        resent[variant].push(proxy.upstreamBodyBytes() - fileBytes);
      }
    }
    await proxy.close();

    const fmt = (x: number) => x.toFixed(1);
    console.log(`central service benchmark — ${runs} runs, medians; node ${process.version}; ${casesPerRun} cases/run, concurrency ${concurrency}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
    console.log(`  authenticated reads (baseline)   ${fmt(median(reads))} req/s`);
    console.log(`  case creations (1 × 2 KiB att.)  ${fmt(median(creations))} req/s   ratio to reads ${(median(creations) / median(reads)).toFixed(2)}`);
    console.log(`  identical resends                ${fmt(median(resends))} req/s   ratio to reads ${(median(resends) / median(reads)).toFixed(2)}`);
    console.log(`  upload ${values.mib} MiB, raw HTTP (baseline)   ${fmt(median(raw))} MB/s`);
    console.log(`  upload, tus-js-client one PATCH     ${fmt(median(tusWhole))} MB/s   ratio ${(median(tusWhole) / median(raw)).toFixed(2)}`);
    console.log(`  upload, tus-js-client 1 MiB chunks  ${fmt(median(tusChunked))} MB/s   ratio ${(median(tusChunked) / median(raw)).toFixed(2)}`);
    console.log(`  bytes re-sent after a cut at half the file: one PATCH ${median(resent.whole)} B, 1 MiB chunks ${median(resent.chunked)} B`);
  } finally {
    await central.kill('SIGTERM');
  }
}

await main();
