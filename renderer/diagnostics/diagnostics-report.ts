import type { CaseState } from '../../shared/case/case';
import { DiagnosticsReport } from '../../shared/diagnostics/report';
import type { SportelloApi } from '../../shared/ipc/contract';
import { browserPoolSize } from '../ocr/browser-engines';
import type { LocalStore } from '../store/local-store';
import { readStorageHealth } from '../store/storage-health';
import type { OutboxStatus } from '../sync/outbox';
import type { SyncFailure } from '../sync/outbox-entry';
import { listOutboxRows, listRollUp, type OutboxRow } from '../sync/outbox-view';
import { checkOcrAssets } from './ocr-assets-check';

/** What waits to be sent, counted; the most recent failure (of a case or of the connection) by code only. */
export interface QueueFacts {
  rollUp: DiagnosticsReport['queue']['rollUp'];
  connection: string;
  waiting: number;
  urgentWaiting: number;
  quarantined: number;
  oldestWaitingSince: number | null;
  clockSkewMs: number | null;
  lastFailure: SyncFailure | null;
}

const WAITING: readonly (CaseState | null)[] = ['queued', 'sending', 'sent'];

export function queueFacts(rows: readonly OutboxRow[], status: OutboxStatus | null): QueueFacts {
  const waiting = rows.filter((row) => WAITING.includes(row.state));
  const connection = status?.connection ?? 'checking';
  const failures = [status?.connectionFailure ?? null, ...rows.map((row) => row.lastFailure ?? null)].filter((f): f is SyncFailure => f !== null);
  return {
    rollUp: listRollUp(rows, connection),
    connection,
    waiting: waiting.length,
    urgentWaiting: waiting.filter((row) => row.priority === 1).length,
    quarantined: rows.filter((row) => row.state === 'needs-attention').length,
    oldestWaitingSince: waiting.length > 0 ? Math.min(...waiting.map((row) => row.queuedAt)) : null,
    clockSkewMs: status?.clockSkewMs ?? null,
    lastFailure: failures.reduce<SyncFailure | null>((latest, f) => (latest === null || f.at > latest.at ? f : latest), null),
  };
}

export async function readQueueFacts(store: LocalStore, status: OutboxStatus | null): Promise<QueueFacts> {
  return queueFacts(await listOutboxRows(store.db), status);
}

async function storageFacts(store: LocalStore): Promise<DiagnosticsReport['storage']> {
  const [health, states, attachments, attachmentsPurged] = await Promise.all([
    readStorageHealth(),
    store.db.cases.orderBy('state').keys(),
    store.db.attachments.count(),
    store.db.attachments.filter((a) => a.purgedAt !== null).count(),
  ]);
  const casesByState: DiagnosticsReport['storage']['casesByState'] = {};
  for (const state of states as CaseState[]) casesByState[state] = (casesByState[state] ?? 0) + 1;
  return { ...health, cases: states.length, casesByState, attachments, attachmentsPurged };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The report office IT receives: versions, storage, queue, OCR files, settings. Built from counts,
 * states and codes only, and parsed by the strict schema before it leaves the renderer.
 */
export async function collectDiagnostics(api: SportelloApi, store: LocalStore, status: OutboxStatus | null, now = new Date()): Promise<DiagnosticsReport> {
  const [info, settings, storage, queue, assets] = await Promise.all([api['app:info'](), api['settings:get'](), storageFacts(store), readQueueFacts(store, status), checkOcrAssets()]);
  return DiagnosticsReport.parse({
    format: 'sportello-diagnostica/1',
    generatedAt: now.toISOString(),
    app: { version: info.version, runtime: info.runtime, platform: info.platform, electronVersion: info.electronVersion, chromeVersion: info.chromeVersion, userAgent: navigator.userAgent.slice(0, 300) },
    storage,
    queue: {
      rollUp: queue.rollUp,
      connection: queue.connection,
      waiting: queue.waiting,
      urgentWaiting: queue.urgentWaiting,
      quarantined: queue.quarantined,
      oldestWaitingSince: iso(queue.oldestWaitingSince),
      clockSkewMs: queue.clockSkewMs,
      lastFailure: queue.lastFailure && { messageKey: queue.lastFailure.messageKey, code: queue.lastFailure.code, at: new Date(queue.lastFailure.at).toISOString() },
    },
    ocr: { language: 'ita', workers: browserPoolSize(), assets },
    settings,
  });
}
