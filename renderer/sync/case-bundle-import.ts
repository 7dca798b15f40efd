import type { CaseState } from '../../shared/case/case';
import { appendAudit, auditTables } from '../store/audit-log';
import { sealCase } from '../store/case-codec';
import { blobBinding } from '../store/case-repository';
import type { StoredAttachmentBlob, StoredCase } from '../store/database';
import type { Sealed } from '../store/data-cipher';
import type { LocalStore } from '../store/local-store';
import { guardWrite } from '../store/store-error';
import { BundleError, openBundle } from './case-bundle-cipher';
import { BundleManifest, type BundledCase } from './case-bundle-manifest';
import { outboxTable, PARKED, type OutboxEntry, type SyncFailure } from './outbox-entry';

export interface ImportReport {
  /** Case numbers added to this workstation's outbox. */
  imported: string[];
  /** Already on this workstation (same case id): left as they are. */
  skipped: string[];
  /** Imported, keeping a number this workstation already used for another case. */
  collisions: string[];
}

/** Where the exporting workstation's audit entries of a case are kept, sealed (its chain key stayed there). */
export const importedHistoryKey = (caseId: string) => `importedAudit:${caseId}`;

/** A case in `sending` was interrupted by the export: queued again. A `sent` one is first asked for by the outbox. */
const importedState = (state: CaseState): CaseState => (state === 'sending' ? 'queued' : state);

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest and every attachment's bytes, checked against the hashes recorded when they were captured. */
async function readManifest(frames: Uint8Array[], caseCount: number, officeCode: string): Promise<BundleManifest> {
  let manifest: BundleManifest;
  try {
    manifest = BundleManifest.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frames[0])));
  } catch (error) {
    throw new BundleError('bundle.error.damaged', {}, { cause: error });
  }
  const frameIndexes = manifest.cases.flatMap((c) => c.attachments.map((a) => a.frame));
  const consistent = manifest.cases.length === caseCount && manifest.source.officeCode === officeCode && new Set(frameIndexes).size === frameIndexes.length && frameIndexes.length === frames.length - 1;
  if (!consistent) throw new BundleError('bundle.error.damaged');
  for (const { meta, frame } of manifest.cases.flatMap((c) => c.attachments)) {
    const bytes = frames[frame] as Uint8Array<ArrayBuffer> | undefined;
    if (!bytes || bytes.length !== meta.size || (await sha256Hex(bytes)) !== meta.sha256) throw new BundleError('bundle.error.damaged');
  }
  return manifest;
}

interface PreparedCase {
  bundled: BundledCase;
  row: StoredCase;
  blobs: StoredAttachmentBlob[];
  outbox: OutboxEntry;
  history: Sealed;
}

async function prepareCase(store: LocalStore, bundled: BundledCase, frames: Uint8Array[], now: number): Promise<PreparedCase> {
  const state = importedState(bundled.record.state);
  const row = await sealCase({ ...bundled.record, state, updatedAt: Math.max(now, bundled.record.updatedAt) }, store.cipher);
  const blobs = await Promise.all(
    bundled.attachments.map(async ({ meta, frame }) => {
      const sealed = await store.cipher.seal(frames[frame] as Uint8Array<ArrayBuffer>, blobBinding(meta.id));
      return { id: meta.id, iv: sealed.iv, data: new Blob([sealed.data]) };
    }),
  );
  const failure = bundled.outbox.lastFailure as SyncFailure | null;
  const outbox: OutboxEntry = {
    caseId: bundled.record.id,
    priority: bundled.outbox.priority,
    queuedAt: bundled.outbox.queuedAt,
    attempts: 0,
    nextAttemptAt: state === 'needs-attention' ? PARKED : now,
    lastError: failure ? (failure.code ?? failure.messageKey) : null,
    lastFailure: failure,
    uploadUrls: {},
  };
  const history = await store.cipher.sealJson(bundled.audit, importedHistoryKey(bundled.record.id));
  return { bundled, row, blobs, outbox, history };
}

/** "RM01-20261127-0005" → the day counter key createDraft uses and the sequence 5. */
function daySequence(number: string): { key: string; sequence: number } | null {
  const match = /^(.*-)(\d+)$/.exec(number);
  return match ? { key: `caseSequence:${match[1]}`, sequence: Number(match[2]) } : null;
}

/**
 * Imports a bundle exported by another workstation of the same office, all or nothing: every new
 * case (record, decision, attachments re-sealed with this store's key, outbox row, the exporting
 * workstation's audit entries kept sealed, one `import` audit entry) is written in one transaction.
 * Cases already here are skipped; a case number this workstation already used is kept, because it is
 * the one printed on the applicant's receipt. Every refusal is a BundleError and changes nothing.
 */
export async function importCaseBundle(
  deps: { store: LocalStore; clock: () => number },
  request: { bytes: Uint8Array; passphrase: string; clerkId: string; officeCode: string | null },
): Promise<ImportReport> {
  const { store, clock } = deps;
  const { db } = store;
  if (!request.officeCode) throw new BundleError('bundle.error.notEnrolled');
  const { facts, frames } = await openBundle(request.bytes, request.passphrase);
  if (facts.officeCode !== request.officeCode) throw new BundleError('bundle.error.otherOffice', { bundleOffice: facts.officeCode, office: request.officeCode });
  const manifest = await readManifest(frames, facts.caseCount, facts.officeCode);

  const present = await db.cases.bulkGet(manifest.cases.map((c) => c.record.id));
  const fresh = manifest.cases.filter((_, i) => !present[i]);
  const now = clock();
  const prepared = await Promise.all(fresh.map((bundled) => prepareCase(store, bundled, frames, now)));
  const table = outboxTable(db);

  const collisions = await guardWrite(() =>
    db.transaction('rw', [db.cases, db.attachments, db.attachmentBlobs, table, ...auditTables(db)], async () => {
      const sameNumber: string[] = [];
      for (const item of prepared) {
        const { record } = item.bundled;
        if (await db.cases.where('number').equals(record.number).count()) sameNumber.push(record.number);
        await db.cases.add(item.row);
        await db.attachments.bulkAdd(item.bundled.attachments.map((a) => a.meta));
        await db.attachmentBlobs.bulkAdd(item.blobs);
        await table.add(item.outbox);
        await db.settings.put({ key: importedHistoryKey(record.id), value: item.history });
        // This workstation's next case of that day must not take the imported number again.
        const day = daySequence(record.number);
        if (day) {
          const seen = ((await db.settings.get(day.key))?.value as number | undefined) ?? 0;
          if (day.sequence > seen) await db.settings.put({ key: day.key, value: day.sequence });
        }
        await appendAudit(db, store.cipher.auditKey, { clerkId: request.clerkId, action: 'import', caseId: record.id, detail: `bundle:${facts.bundleId}` }, now);
      }
      return sameNumber;
    }),
  );
  return {
    imported: prepared.map((p) => p.bundled.record.number),
    skipped: manifest.cases.filter((_, i) => present[i]).map((c) => c.record.number),
    collisions,
  };
}
