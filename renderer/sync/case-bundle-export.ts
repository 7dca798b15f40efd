import { MAX_BUNDLE_BYTES } from '../../shared/case-bundle/envelope';
import type { BundleMessageKey } from '../../shared/i18n/bundle-it';
import { appendAudit, auditTables } from '../store/audit-log';
import { openCase } from '../store/case-codec';
import type { LocalStore } from '../store/local-store';
import { guardWrite } from '../store/store-error';
import { BundleError, sealBundle } from './case-bundle-cipher';
import { BUNDLED_STATES, type BundledCase, type BundleManifest } from './case-bundle-manifest';
import { outboxTable, PARKED, type OutboxEntry } from './outbox-entry';

export const MIN_PASSPHRASE_LENGTH = 12;
/** Room kept in a bundle for the manifest and the frame headers. */
const MANIFEST_ALLOWANCE = 1024 * 1024;

export interface BundleSource {
  officeCode: string;
  workstationId: string | null;
  workstationName: string;
}

export interface CaseBundleExportDeps {
  store: LocalStore;
  clock: () => number;
  /** Writes the file where the operator chooses (IPC `caseBundle:save`); `saved: false` when cancelled. */
  save: (fileName: string, bytes: Uint8Array) => Promise<{ saved: boolean; path: string | null }>;
  /** Runs the export while no outbox is sending, so no case is mid-upload when it leaves. */
  whileOutboxPaused: <T>(work: () => Promise<T>) => Promise<T>;
  newId?: () => string;
  iterations?: number;
  maxBytes?: number;
}

export type ExportOutcome = { kind: 'saved'; path: string; exported: number; remaining: number } | { kind: 'cancelled' } | { kind: 'nothing' };

/** Why the two typed passphrases cannot be used, or null. */
export function passphraseProblem(passphrase: string, repeated: string): BundleMessageKey | null {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return 'bundle.export.passphraseShort';
  if (passphrase !== repeated) return 'bundle.export.passphraseMismatch';
  return null;
}

const isBundled = (state: string) => (BUNDLED_STATES as readonly string[]).includes(state);

/** Outbox rows whose case can leave in a bundle, urgent first, then oldest (the order they would be sent). */
async function exportableEntries(store: LocalStore): Promise<OutboxEntry[]> {
  const entries = (await outboxTable(store.db).toArray()).filter((entry) => !entry.exported);
  const rows = await store.db.cases.bulkGet(entries.map((e) => e.caseId));
  return entries.filter((_, i) => rows[i] && isBundled(rows[i].state)).sort((a, b) => b.priority - a.priority || a.queuedAt - b.queuedAt);
}

/** What the export panel shows before anything is done: cases that would leave, and undecided ones that stay. */
export async function exportSummary(store: LocalStore): Promise<{ exportable: number; undecided: number }> {
  return {
    exportable: (await exportableEntries(store)).length,
    undecided: await store.db.cases.where('state').anyOf('draft', 'ready').count(),
  };
}

interface CollectedCase {
  bundled: BundledCase;
  bytes: Uint8Array[];
  updatedAt: number;
}

async function collectCase(store: LocalStore, entry: OutboxEntry, firstFrame: number): Promise<CollectedCase> {
  const row = await store.db.cases.get(entry.caseId);
  if (!row) throw new BundleError('bundle.export.changed');
  const record = await openCase(row, store.cipher);
  const metas = await store.cases.listAttachments(entry.caseId);
  const bytes: Uint8Array[] = [];
  for (const meta of metas) bytes.push(new Uint8Array(await (await store.cases.readAttachment(meta.id)).arrayBuffer()));
  const audit = await store.audit.forCase(entry.caseId);
  return {
    bundled: {
      record,
      outbox: { priority: entry.priority, queuedAt: entry.queuedAt, lastFailure: row.state === 'needs-attention' ? (entry.lastFailure ?? null) : null },
      attachments: metas.map((meta, i) => ({ meta, frame: firstFrame + i })),
      audit: audit.map((e) => ({ ...e })),
    },
    bytes,
    updatedAt: row.updatedAt,
  };
}

function bundleFileName(officeCode: string, at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pratiche-${officeCode}-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.sportello`;
}

/**
 * Pauses the exported cases on this workstation: each outbox row is parked and marked with the
 * bundle, with one audit entry per case, in one transaction. Refused (nothing written) when a case
 * changed since it was read, so a bundle never holds a stale copy of a paused case.
 */
async function markExported(store: LocalStore, collected: readonly CollectedCase[], bundleId: string, clerkId: string, at: number): Promise<boolean> {
  const { db } = store;
  const table = outboxTable(db);
  return guardWrite(() =>
    db.transaction('rw', [db.cases, table, ...auditTables(db)], async () => {
      for (const { bundled, updatedAt } of collected) {
        const row = await db.cases.get(bundled.record.id);
        const entry = await table.get(bundled.record.id);
        if (!row || row.updatedAt !== updatedAt || !entry || entry.exported) return false;
      }
      for (const { bundled } of collected) {
        await table.update(bundled.record.id, { exported: { bundleId, at }, nextAttemptAt: PARKED });
        await appendAudit(db, store.cipher.auditKey, { clerkId, action: 'export', caseId: bundled.record.id, detail: `bundle:${bundleId}` }, at);
      }
      return true;
    }),
  );
}

/**
 * Exports every case not yet acknowledged (BUNDLED_STATES) into one encrypted bundle, as many as
 * fit (urgent first, then oldest), and pauses them here once the file is saved. Nothing changes
 * locally if the operator cancels the save dialog or the save fails.
 */
export async function exportQueuedCases(deps: CaseBundleExportDeps, request: { passphrase: string; passphraseRepeat: string; clerkId: string; source: BundleSource }): Promise<ExportOutcome> {
  const problem = passphraseProblem(request.passphrase, request.passphraseRepeat);
  if (problem) throw new BundleError(problem);
  if (!request.source.officeCode) throw new BundleError('bundle.export.noOffice');
  const { store, clock } = deps;
  const maxBytes = (deps.maxBytes ?? MAX_BUNDLE_BYTES) - MANIFEST_ALLOWANCE;

  return deps.whileOutboxPaused(async () => {
    const entries = await exportableEntries(store);
    if (entries.length === 0) return { kind: 'nothing' } as const;
    const collected: CollectedCase[] = [];
    let size = 0;
    let nextFrame = 1;
    for (const entry of entries) {
      const item = await collectCase(store, entry, nextFrame);
      const caseBytes = item.bytes.reduce((sum, b) => sum + b.length, 0);
      if (size + caseBytes > maxBytes) {
        if (collected.length === 0) throw new BundleError('bundle.export.caseTooLarge', { number: item.bundled.record.number });
        break;
      }
      collected.push(item);
      size += caseBytes;
      nextFrame += item.bytes.length;
    }

    const at = clock();
    const bundleId = (deps.newId ?? (() => crypto.randomUUID()))();
    const manifest: BundleManifest = {
      format: 'sportello-case-bundle/v1',
      source: request.source,
      exportedBy: request.clerkId,
      exportedAt: at,
      cases: collected.map((c) => c.bundled),
    };
    const frames = [new TextEncoder().encode(JSON.stringify(manifest)), ...collected.flatMap((c) => c.bytes)];
    const facts = { bundleId, officeCode: request.source.officeCode, createdAt: new Date(at).toISOString(), caseCount: collected.length };
    const bytes = await sealBundle(request.passphrase, facts, frames, { iterations: deps.iterations });

    const saved = await deps.save(bundleFileName(request.source.officeCode, at), bytes);
    if (!saved.saved || saved.path === null) return { kind: 'cancelled' } as const;
    if (!(await markExported(store, collected, bundleId, request.clerkId, at))) throw new BundleError('bundle.export.changed');
    return { kind: 'saved', path: saved.path, exported: collected.length, remaining: entries.length - collected.length } as const;
  });
}

/**
 * "Riprendi l'invio da questa postazione": the bundle was lost or will not be imported. The row
 * is due again (a quarantined case stays parked for the clerk's "Rimetti in coda"); the service
 * dedupes on the case id, so a case that also arrived from the bundle is still received once.
 */
export async function resumeSendingHere(store: LocalStore, caseId: string, clerkId: string, clock: () => number): Promise<void> {
  const { db } = store;
  const table = outboxTable(db);
  await guardWrite(() =>
    db.transaction('rw', [db.cases, table, ...auditTables(db)], async () => {
      const entry = await table.get(caseId);
      if (!entry?.exported) return;
      const state = (await db.cases.get(caseId))?.state;
      const now = clock();
      await table.update(caseId, { exported: null, attempts: 0, nextAttemptAt: state === 'needs-attention' ? PARKED : now });
      await appendAudit(db, store.cipher.auditKey, { clerkId, action: 'export', caseId, detail: `resume-here:bundle:${entry.exported.bundleId}` }, now);
    }),
  );
}
