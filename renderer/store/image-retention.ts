import { areImagesPurgeable } from '../../shared/case/retention';
import type { AuditChainKey } from '../../shared/case/audit-chain';
import { appendAudit, auditTables } from './audit-log';
import type { CaseDatabase } from './database';
import { guardWrite } from './store-error';

export const RETENTION_ACTOR = 'system:retention';

/**
 * Deletes the image bytes of cases the central service acknowledged more than `retentionDays`
 * ago. The case, its decision, its attachment metadata (hashes, for the receipt) and the audit
 * trail stay; each purge is itself an audit entry. Returns the ids of the cases purged.
 */
export async function purgeExpiredImages(db: CaseDatabase, auditKey: AuditChainKey, retentionDays: number, now: number): Promise<string[]> {
  const candidates = await db.cases.where('acknowledgedAt').belowOrEqual(now).toArray();
  const purged: string[] = [];
  for (const row of candidates) {
    if (!areImagesPurgeable(row, retentionDays, now)) continue;
    const done = await guardWrite(() =>
      db.transaction('rw', [db.attachments, db.attachmentBlobs, ...auditTables(db)], async () => {
        const pending = await db.attachments.where('caseId').equals(row.id).filter((a) => a.purgedAt === null).toArray();
        if (pending.length === 0) return false;
        await db.attachmentBlobs.bulkDelete(pending.map((a) => a.id));
        await Promise.all(pending.map((a) => db.attachments.update(a.id, { purgedAt: now })));
        await appendAudit(db, auditKey, { clerkId: RETENTION_ACTOR, action: 'purge', caseId: row.id, detail: `images:${pending.length}` }, now);
        return true;
      }),
    );
    if (done) purged.push(row.id);
  }
  return purged;
}
