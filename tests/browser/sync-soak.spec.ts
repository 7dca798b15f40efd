import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { cannedResponses, seededRandom, type Fault, type FaultPlan, type ProxyRecord } from '../support/fault-proxy';
import { archivedSha256, centralCases, connectWorkstation, newOffice, readableByPage, seedQueuedCase, startSyncRig, type SeededCase, type SyncRig } from './sync-support';

/**
 * Issue 6, item 5: 200 cases of three random 1–3 MB attachments each go through the real outbox in
 * Chromium (encrypted Dexie store, tus uploads) to the real central service in a child process,
 * behind the fault proxy injecting seeded random faults, with the service SIGKILLed and restarted
 * twice mid-run. The service must end up with exactly the 200 cases, each once, every archived
 * attachment byte-identical to what was queued. Replay a failure with the same SEED.
 */

const CASES = 200;
const ATTACHMENTS_PER_CASE = 3;
const MIN_BYTES = 1_000_000;
const MAX_BYTES = 3_000_000;
const SEED = 20261127;
/** Share of requests that meet a fault: about one exchange in twenty-five. */
const FAULT_RATE = 0.04;
/** Seeded-case counts after which the service is SIGKILLed and started again (uploads are in flight then). */
const KILL_AFTER_SEEDED = [70, 140];
/** Cases queued between two "send now" requests while seeding (and after the first), as a clerk would now and then. */
const SEEDED_PER_PRESS = 10;
/** With no case acknowledged for this long the clerk asks to send now (counted in the figures). */
const STALL_MS = 20_000;
/** "Send now" pressed this many times in a row without any case acknowledged: the outbox is stuck. */
const MAX_STALLED_PRESSES = 10;

/**
 * The browser for 1.2 GB of attachments:
 * - an on-disk profile, as the app has: an off-the-record context (Playwright's default) keeps
 *   IndexedDB blobs in memory, and past Chromium's in-memory blob limit every upload fails from
 *   inside the browser (seen here after about 160 cases);
 * - the offline guard of ./fixtures.ts (Chromium's dead proxy from playwright.config.ts, every
 *   attempt to leave 127.0.0.1 recorded) applies to it as to every other context.
 */
const test = base.extend({
  context: async ({ launchOptions, baseURL, proxy }, use) => {
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'sync-soak-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, proxy });
    try {
      await use(context);
    } finally {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    }
  },
});

let rig: SyncRig;

test.beforeAll(async () => {
  rig = await startSyncRig();
});

test.afterAll(async () => {
  await rig?.close();
});

/**
 * Draws the fault for one request: cuts mid-body only on tus PATCH (every attachment is at least
 * 1 MB, so a cut under 1 MB always falls inside the body), everything else on any exchange.
 */
function soakFaultPlan(seed: number): FaultPlan {
  const random = seededRandom(seed);
  return (request) => {
    if (random() >= FAULT_RATE) return null;
    const faults: Fault[] = [
      { kind: 'delay', ms: 200 + Math.floor(random() * 1_300) },
      { kind: 'drop-response' },
      { kind: 'truncate-response', afterBytes: 10 },
      { kind: 'duplicate-request' },
      readableByPage(cannedResponses.internalError),
      readableByPage(cannedResponses.unavailable),
      readableByPage(cannedResponses.badGatewayHtml),
      readableByPage(cannedResponses.okGarbage),
      readableByPage(cannedResponses.okHtml),
      cannedResponses.badGatewayHtml,
    ];
    if (request.method === 'PATCH') {
      const cut: Fault = { kind: 'cut-request', afterBytes: 16_384 + Math.floor(random() * (MIN_BYTES - 16_384)) };
      faults.push(cut, cut, cut);
    }
    return faults[Math.floor(random() * faults.length)];
  };
}

interface LocalProgress {
  byState: Record<string, number>;
  /** Why quarantined cases were parked: the soak stops at once on any. */
  quarantined: string[];
  /** The distinct failures kept on cases still waiting (message keys), to explain a stall. */
  waitingFailures: string[];
}

async function localProgress(page: Page, caseIds: string[]): Promise<LocalProgress> {
  return page.evaluate(async (ids) => {
    const { store } = window.syncTest.session.useSession.getState();
    const rows = await store!.db.cases.bulkGet(ids);
    const byState: Record<string, number> = {};
    for (const row of rows) byState[row?.state ?? 'missing'] = (byState[row?.state ?? 'missing'] ?? 0) + 1;
    const failureOf = (entry: unknown) => (entry as { lastFailure?: { messageKey: string; params: unknown } | null } | undefined)?.lastFailure ?? null;
    const parked = rows.filter((row) => row?.state === 'needs-attention').map((row) => row!.id);
    const quarantined = (await store!.db.outbox.bulkGet(parked)).map((entry) => JSON.stringify(failureOf(entry)));
    const waiting = rows.filter((row) => row && row.state !== 'acknowledged' && row.state !== 'needs-attention').map((row) => row!.id);
    const waitingFailures = [...new Set((await store!.db.outbox.bulkGet(waiting)).map((entry) => failureOf(entry)?.messageKey).filter((key): key is string => Boolean(key)))];
    return { byState, quarantined, waitingFailures };
  }, caseIds);
}

/**
 * What "Invia ora" does (the outbox's syncNow), asked from another screen: the soak runs on the
 * settings screen, as a clerk keeps working while the outbox sends in the background. Left on
 * "Invio", React (development build) re-renders the whole table on every outbox change, about a
 * quarter more CPU per case on a 2-core machine; the Invio screen and its button are covered by
 * tests/browser/sync.spec.ts. Not awaited: the run goes on in the page.
 */
async function sendNow(page: Page): Promise<void> {
  await page.evaluate(async (module) => {
    const { useSyncStore } = (await import(/* @vite-ignore */ module)) as typeof import('../../renderer/sync/sync-store');
    void useSyncStore.getState().outbox?.syncNow();
  }, '/sync/sync-store.ts');
}

async function storageEstimate(page: Page): Promise<{ usage: number; quota: number }> {
  return page.evaluate(async () => {
    const estimate = await navigator.storage.estimate();
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
  });
}

function faultCounts(records: readonly ProxyRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) if (record.fault) counts[record.fault] = (counts[record.fault] ?? 0) + 1;
  return counts;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

test('soak: 200 cases × 3 random 1–3 MB attachments under seeded random faults and two SIGKILLs of the service end with 0 lost, 0 duplicated, 0 corrupted', async ({ page }) => {
  test.setTimeout(20 * 60_000);
  const office = `SOAK${process.pid % 1000}`;
  await newOffice(rig, office);
  await connectWorkstation(page, rig, office);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Impostazioni' }).click();

  const sizes = seededRandom(SEED + 1);
  const firstRecord = rig.proxy.records.length;
  const started = Date.now();
  rig.proxy.setPlan(soakFaultPlan(SEED));

  const seeded: SeededCase[] = [];
  let restarts = 0;
  for (let i = 0; i < CASES; i++) {
    const attachmentSizes = Array.from({ length: ATTACHMENTS_PER_CASE }, () => MIN_BYTES + Math.floor(sizes() * (MAX_BYTES - MIN_BYTES)));
    seeded.push(await seedQueuedCase(page, { sizes: attachmentSizes, urgent: i % 10 === 0 }));
    if (i === 0 || (i + 1) % SEEDED_PER_PRESS === 0) await sendNow(page);
    if (KILL_AFTER_SEEDED.includes(i + 1)) {
      await rig.restartCentral();
      restarts += 1;
    }
  }
  const seededAt = Date.now();
  const peakStorage = await storageEstimate(page);

  const caseIds = seeded.map((c) => c.caseId);
  let presses = 0;
  let stalledPresses = 0;
  let lastAcknowledged = -1;
  let lastProgressAt = Date.now();
  let progress = await localProgress(page, caseIds);
  // Until every case is acknowledged, one is quarantined, or ten "send now" in a row change nothing.
  while ((progress.byState.acknowledged ?? 0) < CASES && progress.quarantined.length === 0 && stalledPresses < MAX_STALLED_PRESSES) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    progress = await localProgress(page, caseIds);
    const acknowledged = progress.byState.acknowledged ?? 0;
    if (acknowledged !== lastAcknowledged) {
      lastAcknowledged = acknowledged;
      lastProgressAt = Date.now();
      stalledPresses = 0;
    } else if (Date.now() - lastProgressAt > STALL_MS) {
      await sendNow(page);
      presses += 1;
      stalledPresses += 1;
      lastProgressAt = Date.now();
    }
  }
  expect(progress.quarantined, 'cases quarantined during the soak').toEqual([]);
  expect(progress.byState, `cases still waiting; failures kept on them: ${progress.waitingFailures.join(', ')}`).toEqual({ acknowledged: CASES });
  const drainedAt = Date.now();
  rig.proxy.setPlan(null);

  const soakRecords = rig.proxy.records.slice(firstRecord);
  const queuedBytes = seeded.reduce((sum, c) => sum + c.attachments.reduce((s, a) => s + a.size, 0), 0);
  const patchBytes = soakRecords.filter((r) => r.method === 'PATCH').reduce((sum, r) => sum + r.upstreamBodyBytes, 0);

  const held = await centralCases(rig, office);
  const heldIds = held.map((c) => c.caseId);
  const lost = caseIds.filter((id) => !heldIds.includes(id));
  const duplicated = heldIds.length - new Set(heldIds).size;
  const unexpected = heldIds.filter((id) => !caseIds.includes(id));
  const queued = seeded.flatMap((c) => c.attachments.map((a) => ({ caseId: c.caseId, ...a })));
  const receiptHashes = new Map(held.flatMap((c) => c.attachments.map((a) => [`${c.caseId}/${a.attachmentId}`, `${a.sha256}/${a.size}`] as const)));
  const archived = await mapLimit(queued, 4, (a) => archivedSha256(rig, a.caseId, a.id));
  const corrupted = queued.filter((a, index) => receiptHashes.get(`${a.caseId}/${a.id}`) !== `${a.sha256}/${a.size}` || archived[index] !== a.sha256);
  const verifiedAt = Date.now();

  const figures = [
    `soak: ${CASES} cases × ${ATTACHMENTS_PER_CASE} attachments, ${queued.length} attachments, ${mib(queuedBytes)} MiB queued (seed ${SEED}, fault rate ${FAULT_RATE})`,
    `wall time: ${((drainedAt - started) / 1000).toFixed(1)} s queue+send (queueing done at ${((seededAt - started) / 1000).toFixed(1)} s), verification ${((verifiedAt - drainedAt) / 1000).toFixed(1)} s`,
    `requests through the proxy: ${soakRecords.length}; faults injected: ${soakRecords.filter((r) => r.fault).length} ${JSON.stringify(faultCounts(soakRecords))}; service SIGKILLed and restarted: ${restarts}; "send now" after a stall: ${presses}`,
    `upload bytes delivered to the service: ${mib(patchBytes)} MiB; re-sent: ${mib(patchBytes - queuedBytes)} MiB (${(((patchBytes - queuedBytes) / queuedBytes) * 100).toFixed(1)} %)`,
    `browser storage after queueing: ${mib(peakStorage.usage)} MiB used of ${mib(peakStorage.quota)} MiB quota`,
    `result: ${lost.length} lost, ${duplicated} duplicated, ${corrupted.length} corrupted, ${unexpected.length} unexpected`,
  ];
  console.log(figures.join('\n'));
  test.info().annotations.push(...figures.map((description) => ({ type: 'soak', description })));

  expect(new Set(queued.map((a) => a.sha256)).size, 'every queued attachment distinct').toBe(queued.length);
  expect(lost).toEqual([]);
  expect(duplicated).toBe(0);
  expect(unexpected).toEqual([]);
  expect(corrupted).toEqual([]);
  expect(held).toHaveLength(CASES);
  expect(restarts).toBe(KILL_AFTER_SEEDED.length);
  expect(soakRecords.some((r) => r.fault === 'cut-request')).toBe(true);
});
