import Dexie from 'dexie';
import { chainEntry, sealHead, verifyChain, type AuditChainKey, type AuditHead, type AuditEntry, type AuditFacts, type ChainVerdict } from '../../shared/case/audit-chain';
import type { CaseDatabase } from './database';

/**
 * Appends one entry to the hash-chained log. Must run inside a read-write Dexie transaction that
 * includes `audit` (the caller's, so the entry commits or rolls back with the change it records;
 * concurrent writers are serialised by IndexedDB, so two entries can never share a predecessor).
 */
export async function appendAudit(db: CaseDatabase, key: AuditChainKey, facts: AuditFacts, now: number): Promise<AuditEntry> {
  if (!Dexie.currentTransaction) throw new Error('appendAudit must run inside a transaction');
  const last = (await db.audit.orderBy('seq').last()) ?? null;
  const entry = chainEntry(key, last, now, facts);
  await db.audit.add(entry);
  await db.settings.put({ key: AUDIT_HEAD, value: sealHead(key, entry) });
  return entry;
}

const AUDIT_HEAD = 'auditHead';

/** The tables every transaction that appends to the log must include. */
export const auditTables = (db: CaseDatabase) => [db.audit, db.settings];

async function readChain(db: CaseDatabase): Promise<[AuditEntry[], AuditHead | null]> {
  return db.transaction('r', auditTables(db), async () => [await db.audit.orderBy('seq').toArray(), ((await db.settings.get(AUDIT_HEAD))?.value as AuditHead | undefined) ?? null]);
}

/** The append-only log as the store exposes it: write only through `record`, never update or delete. */
export interface AuditLog {
  record(facts: AuditFacts): Promise<void>;
  verify(): Promise<ChainVerdict>;
  /** Entries for one case, oldest first (case history screen). */
  forCase(caseId: string): Promise<AuditEntry[]>;
  /** JSON document for an inspector: every entry, the verifier's verdict, when and by whom (itself logged). */
  exportForInspector(clerkId: string, workstation: string): Promise<string>;
}

export function createAuditLog(db: CaseDatabase, key: AuditChainKey, clock: () => number): AuditLog {
  const verify = async () => verifyChain(key, ...(await readChain(db)));
  return {
    record: (facts) => db.transaction('rw', auditTables(db), () => appendAudit(db, key, facts, clock())).then(() => undefined),
    verify,
    forCase: (caseId) => db.audit.where('caseId').equals(caseId).sortBy('seq'),
    async exportForInspector(clerkId, workstation) {
      await db.transaction('rw', auditTables(db), () => appendAudit(db, key, { clerkId, action: 'export', caseId: null, detail: 'audit' }, clock()));
      const [entries, head] = await readChain(db);
      const verdict = verifyChain(key, entries, head);
      return JSON.stringify({ format: 'sportello-audit/v1', workstation, exportedAt: new Date(clock()).toISOString(), verdict, entries }, null, 2);
    },
  };
}
