import { liveQuery, type Subscription } from 'dexie';
import type { AttachmentMeta, CaseState } from '../../shared/case/case';
import type { Receipt } from '../../shared/central-api/cases';
import type { MessageKey } from '../../shared/i18n/messages-it';
import type { LocalStore } from '../store/local-store';
import { StoreError } from '../store/store-error';
import { uploadAttachment } from './attachment-upload';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { buildCaseSubmission, checkSubmittable } from './case-submission';
import { createCentralClient, type CentralClient, type CentralRefusal, type DiagnoseCentral } from './central-client';
import { pullCaseChanges } from './change-feed';
import { outboxTable, PARKED, type OutboxEntry, type SyncFailure } from './outbox-entry';
import { outboxUrlStorage } from './outbox-url-storage';
import { loadCredentials, type WorkstationCredentials } from './workstation-credentials';

/** Audit actor of every move the outbox makes. */
export const OUTBOX_ACTOR = 'system:outbox';

export type Connection = 'unconfigured' | 'not-enrolled' | 'other-service' | 'checking' | 'online' | 'offline' | 'revoked';

export interface OutboxStatus {
  connection: Connection;
  /** Why the service is not reachable or refuses this workstation; stays until it answers again. */
  connectionFailure: SyncFailure | null;
  /** Server clock minus workstation clock, from the last answer that carried the server's time. */
  clockSkewMs: number | null;
  current: { caseId: string; sent: number; total: number } | null;
  nextRunAt: number | null;
  /** Bumped on every change of outbox rows, so a screen knows to read them again. */
  revision: number;
}

export interface OutboxDeps {
  store: LocalStore;
  /** The configured service URL, read at each run (settings may change while the app runs). */
  serviceUrl: () => string;
  fetch?: typeof fetch;
  clock?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  chunkSize?: number;
  /** How often the change feed is pulled while nothing else wakes the outbox. */
  feedIntervalMs?: number;
  /** Main's look at the service address when no readable answer came (`central:diagnose`). */
  diagnose?: DiagnoseCentral;
}

export interface Outbox {
  start(): void;
  stop(): void;
  /** Clears every case's backoff and runs now. */
  syncNow(): Promise<void>;
  /** A quarantined case back into the queue, as the clerk asks after reading the reason. */
  sendBack(caseId: string, clerkId: string): Promise<void>;
  status(): OutboxStatus;
  subscribe(listener: (status: OutboxStatus) => void): () => void;
}

/**
 * Two windows of the app share one database: only one outbox may send at a time (Web Locks), the
 * other skips its run and finds the work done. Where Web Locks are missing (Node tests) runs as is.
 * False when the run was skipped because another window held the lock.
 */
async function exclusiveAcrossWindows(work: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work().then(() => true);
  return locks.request(OUTBOX_LOCK, { ifAvailable: true }, async (lock) => {
    if (lock) await work();
    return lock !== null;
  });
}

/**
 * A run skipped because another window held the outbox (or a page being reloaded still did) is
 * tried again this soon, not at the next scheduled run: until one run gets through, this window
 * cannot tell the clerk whether it is connected or must be enrolled.
 */
const SKIPPED_RUN_RETRY_MS = 1_000;

const OUTBOX_LOCK = 'sportello-outbox';

/** Runs `work` once no outbox of any window is sending, and keeps them from starting meanwhile (bundle export). */
export async function whileOutboxPaused<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work();
  return locks.request(OUTBOX_LOCK, work);
}

/** Cases the outbox still has to move: anything else found in a due row is parked. */
const IN_FLIGHT: readonly CaseState[] = ['queued', 'sending', 'sent'];

/** The moves that bring a not-yet-acknowledged case to `sent`, the state a receipt acknowledges. */
const PATH_TO_SENT: Partial<Record<CaseState, CaseState[]>> = {
  'needs-attention': ['queued', 'sending', 'sent'],
  queued: ['sending', 'sent'],
  sending: ['sent'],
  sent: [],
};

type CaseOutcome = 'done' | 'continue' | 'stop-batch';

function toSyncFailure(failure: Omit<CentralRefusal, 'details' | 'status'> & { details?: string[] }, at: number): SyncFailure {
  const params: Record<string, string | number> = { ...failure.messageParams };
  if (failure.details?.length) params.details = failure.details.join('; ');
  return { messageKey: failure.messageKey, params, action: failure.action, code: failure.code, at };
}

function localFailure(messageKey: MessageKey, action: SyncFailure['action'], at: number, params: Record<string, string | number> = {}): SyncFailure {
  return { messageKey, params, action, code: null, at };
}

/** Every attachment of the case is in the receipt with the same SHA-256: only then may images ever be purged. */
export function receiptCoversAttachments(receipt: Receipt, attachments: readonly AttachmentMeta[]): boolean {
  const received = new Map(receipt.attachments.map((a) => [a.attachmentId, a.sha256]));
  return attachments.length === receipt.attachments.length && attachments.every((a) => received.get(a.id) === a.sha256);
}

/**
 * The client outbox: one case at a time, urgent first then oldest, each through
 * queued → sending (attachments over tus) → sent (case submitted) → acknowledged (receipt with
 * every hash). Connectivity is a real authenticated request, never navigator.onLine. Failures are
 * kept on the case for the clerk and retried with capped, jittered backoff; a case the service
 * refuses as such is quarantined and the others go on.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { store } = deps;
  const table = outboxTable(store.db);
  const clock = deps.clock ?? Date.now;
  const random = deps.random ?? Math.random;
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const feedIntervalMs = deps.feedIntervalMs ?? 30_000;

  let state: OutboxStatus = { connection: 'checking', connectionFailure: null, clockSkewMs: null, current: null, nextRunAt: null, revision: 0 };
  const listeners = new Set<(status: OutboxStatus) => void>();
  let started = false;
  let running = false;
  let rerun = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let probeFailures = 0;
  let nextProbeAt = 0;
  let lastFeedPull = 0;
  let skipped = false;
  let abort = new AbortController();
  let newCases: Subscription | null = null;

  /**
   * A case queued in any window of this profile (a decision, a bundle import) adds an outbox row and
   * wakes the outbox at once instead of at the next scheduled run. It watches the row count only:
   * re-reading the keys on every row update kept bench:sync's 1,000-case drain running past 12 min.
   */
  function watchNewCases(): Subscription {
    let rows: number | null = null;
    return liveQuery(() => table.count()).subscribe({
      next(count) {
        const grew = rows !== null && count > rows;
        rows = count;
        if (grew && started) void run();
      },
      error: () => undefined,
    });
  }

  function update(patch: Partial<OutboxStatus>, rowsChanged = false): void {
    state = { ...state, ...patch, revision: state.revision + (rowsChanged ? 1 : 0) };
    for (const listener of listeners) listener(state);
  }

  const onClockSkew = (skewMs: number) => {
    if (state.clockSkewMs === null || Math.abs(state.clockSkewMs - skewMs) > 1_000) update({ clockSkewMs: skewMs });
  };

  async function patchEntry(caseId: string, patch: Partial<OutboxEntry>): Promise<void> {
    await table.update(caseId, patch);
    update({}, true);
  }

  async function move(caseId: string, to: CaseState, detail?: string): Promise<void> {
    await store.cases.moveState(caseId, to, OUTBOX_ACTOR, detail);
    update({}, true);
  }

  async function retryLater(entry: OutboxEntry, currentState: CaseState, failure: SyncFailure): Promise<void> {
    const attempts = entry.attempts + 1;
    // A case whose submission may have reached the service stays `sent`: the next try asks first.
    if (currentState === 'sending') await move(entry.caseId, 'queued', failure.code ?? failure.messageKey);
    await patchEntry(entry.caseId, { attempts, nextAttemptAt: clock() + backoffDelay(attempts, random, policy), lastFailure: failure, lastError: failure.code ?? failure.messageKey });
  }

  async function quarantine(entry: OutboxEntry, currentState: CaseState, failure: SyncFailure): Promise<void> {
    if (currentState === 'queued') await move(entry.caseId, 'sending');
    await move(entry.caseId, 'needs-attention', failure.code ?? failure.messageKey);
    await patchEntry(entry.caseId, { nextAttemptAt: PARKED, lastFailure: failure, lastError: failure.code ?? failure.messageKey });
  }

  async function acknowledge(entry: OutboxEntry, currentState: CaseState, receipt: Receipt, attachments: readonly AttachmentMeta[]): Promise<void> {
    if (!receiptCoversAttachments(receipt, attachments)) {
      await quarantine(entry, currentState, localFailure('sync.error.receiptMismatch', 'quarantine', clock()));
      return;
    }
    await move(entry.caseId, 'acknowledged', receipt.protocolNumber);
    await patchEntry(entry.caseId, {
      nextAttemptAt: PARKED,
      lastFailure: null,
      lastError: null,
      uploadUrls: {},
      receipt: { protocolNumber: receipt.protocolNumber, receivedAt: receipt.receivedAt },
    });
  }

  /** What a refused exchange means for this case and for the rest of the batch. */
  async function handleRefusal(entry: OutboxEntry, currentState: CaseState, refusal: CentralRefusal, forgetUploads: () => Promise<void>): Promise<CaseOutcome> {
    const failure = toSyncFailure(refusal, clock());
    switch (refusal.action) {
      case 'quarantine':
        await quarantine(entry, currentState, failure);
        return 'continue';
      case 'enroll':
        if (currentState === 'sending') await move(entry.caseId, 'queued', failure.code ?? failure.messageKey);
        await patchEntry(entry.caseId, { lastFailure: failure, lastError: failure.code ?? failure.messageKey });
        update({ connection: 'revoked', connectionFailure: failure });
        return 'stop-batch';
      case 'reupload':
        await forgetUploads();
        await retryLater(entry, currentState, failure);
        return 'continue';
      default:
        await retryLater(entry, currentState, failure);
        // No answer or a failing service: the next cases would meet the same; probe again first.
        if (refusal.status === 0 || refusal.status >= 500) {
          probeFailures += 1;
          nextProbeAt = clock() + backoffDelay(probeFailures, random, policy);
          update({ connection: 'offline', connectionFailure: failure });
          return 'stop-batch';
        }
        return 'continue';
    }
  }

  async function sendCase(client: CentralClient, credentials: WorkstationCredentials, baseUrl: string, entry: OutboxEntry): Promise<CaseOutcome> {
    const row = await store.db.cases.get(entry.caseId);
    if (!row || !IN_FLIGHT.includes(row.state)) {
      await patchEntry(entry.caseId, { nextAttemptAt: PARKED });
      return 'continue';
    }
    let currentState = row.state;
    const attachments = await store.cases.listAttachments(entry.caseId);
    const forgetAll = () => patchEntry(entry.caseId, { uploadUrls: {} });

    if (currentState === 'sent') {
      // The submission may have been committed and only its answer lost: ask before sending again.
      const known = await client.getCase(entry.caseId);
      if (known.ok) {
        await acknowledge(entry, currentState, known.body.receipt, attachments);
        return 'continue';
      }
      if (known.failure.code !== 'CASE_NOT_FOUND') return handleRefusal(entry, currentState, known.failure, forgetAll);
    }

    const record = await store.cases.loadCase(entry.caseId, OUTBOX_ACTOR);
    const problem = checkSubmittable(record, attachments);
    if (problem) {
      await quarantine(entry, currentState, localFailure(problem, 'quarantine', clock()));
      return 'continue';
    }
    if (currentState === 'queued') {
      await move(entry.caseId, 'sending');
      currentState = 'sending';
    }

    const total = attachments.reduce((sum, a) => sum + a.size, 0);
    let done = 0;
    const uploadIds: string[] = [];
    for (const attachment of attachments) {
      let bytes: Blob;
      try {
        bytes = await store.cases.readAttachment(attachment.id);
      } catch (error) {
        const key = error instanceof StoreError ? error.messageKey : 'sync.error.unexpected';
        await quarantine(entry, currentState, localFailure(key, 'quarantine', clock()));
        return 'continue';
      }
      const result = await uploadAttachment({
        baseUrl,
        token: credentials.token,
        caseId: entry.caseId,
        attachment,
        bytes,
        urlStorage: outboxUrlStorage(store.db, entry.caseId, attachment.sha256),
        chunkSize: deps.chunkSize,
        signal: abort.signal,
        onClockSkew,
        diagnose: deps.diagnose,
        onProgress: (sent) => update({ current: { caseId: entry.caseId, sent: done + sent, total } }),
      });
      if (!result.ok) {
        const forgetThis = () => outboxUrlStorage(store.db, entry.caseId, attachment.sha256).removeUpload(attachment.sha256);
        return handleRefusal(entry, currentState, { ...result.failure, details: [] }, forgetThis);
      }
      uploadIds.push(result.uploadId);
      done += attachment.size;
    }

    const built = buildCaseSubmission(record, attachments, uploadIds);
    if (!built.ok) {
      await quarantine(entry, currentState, localFailure(built.problem, 'quarantine', clock()));
      return 'continue';
    }
    if (currentState === 'sending') {
      await move(entry.caseId, 'sent');
      currentState = 'sent';
    }
    const answer = await client.putCase(built.submission);
    if (answer.ok) {
      await acknowledge(entry, currentState, answer.body, attachments);
      return 'continue';
    }
    return handleRefusal(entry, currentState, answer.failure, forgetAll);
  }

  /**
   * Cases exported to a bundle that the service now holds (the feed saw them arrive from the
   * importing workstation): acknowledged here too, once the receipt lists every hash, so this
   * workstation's copy follows the same retention as any case it sent itself.
   */
  async function settleExported(client: CentralClient): Promise<void> {
    const candidates = (await table.toArray()).filter((entry) => entry.exported && entry.central && !entry.receipt);
    for (const entry of candidates) {
      const row = await store.db.cases.get(entry.caseId);
      const path = row ? PATH_TO_SENT[row.state] : undefined;
      if (!path) continue;
      const known = await client.getCase(entry.caseId);
      const attachments = await store.cases.listAttachments(entry.caseId);
      if (!known.ok || !receiptCoversAttachments(known.body.receipt, attachments)) continue;
      for (const step of path) await move(entry.caseId, step, 'exported');
      await acknowledge(entry, 'sent', known.body.receipt, attachments);
    }
  }

  async function nextDueEntry(): Promise<OutboxEntry | undefined> {
    const due = await table.where('nextAttemptAt').belowOrEqual(clock()).toArray();
    return due.sort((a, b) => b.priority - a.priority || a.queuedAt - b.queuedAt)[0];
  }

  /** Checks that the service answers and still knows this workstation; false stops the run. */
  async function probe(client: CentralClient): Promise<boolean> {
    if (clock() < nextProbeAt) return false;
    const answer = await client.whoAmI();
    if (answer.ok) {
      probeFailures = 0;
      nextProbeAt = 0;
      update({ connection: 'online', connectionFailure: null });
      return true;
    }
    probeFailures += 1;
    nextProbeAt = clock() + backoffDelay(probeFailures, random, policy);
    update({ connection: answer.failure.action === 'enroll' ? 'revoked' : 'offline', connectionFailure: toSyncFailure(answer.failure, clock()) });
    return false;
  }

  async function runOnce(): Promise<void> {
    const baseUrl = deps.serviceUrl();
    if (!baseUrl) return update({ connection: 'unconfigured', connectionFailure: null });
    const credentials = await loadCredentials(store);
    if (!credentials) return update({ connection: 'not-enrolled', connectionFailure: null });
    if (credentials.serviceUrl !== baseUrl) return update({ connection: 'other-service', connectionFailure: null });
    const client = createCentralClient({ baseUrl, token: credentials.token, fetch: deps.fetch, clock, onClockSkew, diagnose: deps.diagnose });
    if (!(await probe(client))) return;
    let processed = false;
    for (;;) {
      if (!started) return;
      const entry = await nextDueEntry();
      if (!entry) break;
      processed = true;
      let outcome: CaseOutcome;
      try {
        outcome = await sendCase(client, credentials, baseUrl, entry);
      } catch (error) {
        // The local store failed (disk, integrity): keep the case queued and say so.
        const key = error instanceof StoreError ? error.messageKey : 'sync.error.unexpected';
        const current = (await store.db.cases.get(entry.caseId))?.state ?? 'queued';
        await retryLater(entry, current, localFailure(key, 'retry', clock())).catch(() => undefined);
        outcome = 'continue';
      } finally {
        update({ current: null });
      }
      if (outcome === 'stop-batch') return;
    }
    if (processed || clock() - lastFeedPull >= feedIntervalMs) {
      const failure = await pullCaseChanges(store, client, credentials.workstationId, OUTBOX_ACTOR);
      if (!failure) {
        lastFeedPull = clock();
        await settleExported(client);
      }
      update({}, true);
    }
  }

  async function schedule(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!started) return;
    const pending = await table.where('nextAttemptAt').below(PARKED).toArray();
    const candidates = [clock() + (skipped ? SKIPPED_RUN_RETRY_MS : feedIntervalMs), ...pending.map((e) => e.nextAttemptAt)];
    if (nextProbeAt > clock()) candidates.push(nextProbeAt);
    const at = Math.max(clock() + 200, Math.min(...candidates));
    update({ nextRunAt: at });
    timer = setTimeout(() => void run(), at - clock());
  }

  async function run(): Promise<void> {
    if (running) {
      rerun = true;
      return;
    }
    running = true;
    try {
      do {
        rerun = false;
        skipped = !(await exclusiveAcrossWindows(() => runOnce()).catch(() => {
          update({ connection: 'offline', connectionFailure: localFailure('sync.error.unexpected', 'retry', clock()) });
          return true;
        }));
      } while (rerun && started);
    } finally {
      running = false;
      await schedule().catch(() => undefined);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      abort = new AbortController();
      newCases = watchNewCases();
      void run();
    },
    stop() {
      started = false;
      newCases?.unsubscribe();
      newCases = null;
      abort.abort();
      if (timer) clearTimeout(timer);
      timer = null;
    },
    async syncNow() {
      const now = clock();
      await table.where('nextAttemptAt').below(PARKED).modify((entry) => {
        entry.attempts = 0;
        entry.nextAttemptAt = now;
      });
      probeFailures = 0;
      nextProbeAt = 0;
      lastFeedPull = 0;
      update({}, true);
      await run();
    },
    async sendBack(caseId, clerkId) {
      if ((await table.get(caseId))?.exported) throw new StoreError('store.error.exportedCase');
      await store.cases.moveState(caseId, 'queued', clerkId, 'resend');
      await patchEntry(caseId, { attempts: 0, nextAttemptAt: clock(), lastFailure: null, lastError: null, uploadUrls: {} });
      await run();
    },
    status: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
