/**
 * The in-browser half of `npm run bench:sync` (scripts/bench/sync.ts loads it through Vite): the real
 * outbox on Chromium's IndexedDB and WebCrypto against the real central service, and as baseline a
 * raw upload of the same bytes from the same page to the same server.
 */
import { openLocalStore, type LocalStore } from '../../renderer/store/local-store';
import { resolveSportelloApi } from '../../renderer/platform/sportello-api';
import { createOutbox } from '../../renderer/sync/outbox';
import { outboxTable, PARKED } from '../../renderer/sync/outbox-entry';
import { saveCredentials } from '../../renderer/sync/workstation-credentials';
import { UPLOADS_PATH } from '../../shared/central-api/protocol';

export interface SyncBenchTarget {
  serviceUrl: string;
  token: string;
  workstationId: string;
  officeCode: string;
}

const CLERK = 'bench-clerk';
let databases = 0;

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  return bytes;
}

async function hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function freshStore(target: SyncBenchTarget): Promise<LocalStore> {
  databases += 1;
  const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  const store = await openLocalStore({ keyBase64: key, accounts: await resolveSportelloApi(), name: `sync-bench-${Date.now()}-${databases}`, numbering: () => ({ officeCode: target.officeCode, workstationCode: '' }) });
  await saveCredentials(store, { token: target.token, workstationId: target.workstationId, officeCode: target.officeCode, workstationName: 'bench', enrolledAt: new Date().toISOString(), serviceUrl: target.serviceUrl });
  return store;
}

async function queueCase(store: LocalStore, sizes: number[]): Promise<void> {
  const created = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
  await store.cases.saveField(created.id, 'cognome', { value: 'ROSSI', source: 'clerk', confidence: 1 }, CLERK);
  const roles = ['modulo', 'documento-fronte', 'documento-retro'] as const;
  for (const [index, size] of sizes.entries()) {
    await store.cases.attach(created.id, { role: roles[index], mimeType: index === 0 ? 'application/pdf' : 'image/jpeg', page: 1, bytes: new Blob([randomBytes(size)]) }, CLERK);
  }
  await store.cases.decide(created.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, CLERK);
}

/** Starts the outbox on the store and resolves with the ms until every queued case is acknowledged. */
async function drain(store: LocalStore, target: SyncBenchTarget): Promise<number> {
  const table = outboxTable(store.db);
  const outbox = createOutbox({ store, serviceUrl: () => target.serviceUrl });
  const started = performance.now();
  outbox.start();
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      if ((await table.where('nextAttemptAt').below(PARKED).count()) === 0) break;
    }
    const elapsed = performance.now() - started;
    const states = await store.db.cases.toArray();
    if (states.some((row) => row.state !== 'acknowledged')) throw new Error(`not all acknowledged: ${states.map((r) => r.state).join(',')}`);
    return elapsed;
  } finally {
    outbox.stop();
  }
}

/** The baseline: tus creation, then the whole file in a single PATCH with fetch (the least any tus client sends). */
async function rawUpload(target: SyncBenchTarget, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const b64 = (text: string) => btoa(text);
  const created = await fetch(`${target.serviceUrl}${UPLOADS_PATH}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${target.token}`,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `caseId ${b64(crypto.randomUUID())},attachmentId ${b64('raw')},sha256 ${b64(await hex(bytes))}`,
    },
  });
  if (created.status !== 201) throw new Error(`create ${created.status}`);
  const location = new URL(created.headers.get('Location') as string, target.serviceUrl).href;
  const patched = await fetch(location, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${target.token}`, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    body: new Blob([bytes]),
  });
  if (patched.status !== 204) throw new Error(`patch ${patched.status}`);
}

/** One case of three `fileBytes` attachments through the outbox vs the same bytes uploaded raw; ms each. */
export async function measureThroughput(target: SyncBenchTarget, fileBytes: number): Promise<{ outboxMs: number; rawMs: number; bytes: number }> {
  const store = await freshStore(target);
  try {
    await queueCase(store, [fileBytes, fileBytes, fileBytes]);
    const outboxMs = await drain(store, target);
    const files = [randomBytes(fileBytes), randomBytes(fileBytes), randomBytes(fileBytes)];
    const started = performance.now();
    for (const file of files) await rawUpload(target, file);
    return { outboxMs, rawMs: performance.now() - started, bytes: 3 * fileBytes };
  } finally {
    store.close();
  }
}

/** Queues `count` small cases (three attachments of `smallBytes`), then times the outbox draining them. */
export async function measureDrain(target: SyncBenchTarget, count: number, smallBytes: number): Promise<{ drainMs: number; seedMs: number }> {
  const store = await freshStore(target);
  try {
    const seedStarted = performance.now();
    for (let i = 0; i < count; i++) await queueCase(store, [smallBytes, smallBytes, smallBytes]);
    const seedMs = performance.now() - seedStarted;
    return { drainMs: await drain(store, target), seedMs };
  } finally {
    store.close();
  }
}

/** One case of one `fileBytes` attachment through the outbox (used behind the fault proxy). */
export async function sendOne(target: SyncBenchTarget, fileBytes: number): Promise<number> {
  const store = await freshStore(target);
  try {
    await queueCase(store, [fileBytes]);
    return await drain(store, target);
  } finally {
    store.close();
  }
}
