import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { CaseState, DecisionOutcome, Profile } from '../../shared/case/case';
import type { AttachmentMeta } from '../../shared/case/case';
import type { AuditEntry } from '../../shared/case/audit-chain';
import type { Sealed } from './data-cipher';
import type { SealedClerkFields } from '../../shared/accounts/clerk-record';

/** A case as stored: what lists and the outbox index is plain; everything personal is in `sealed`. */
export interface StoredCase {
  id: string;
  number: string;
  state: CaseState;
  urgent: boolean;
  /** 1 for urgent: IndexedDB cannot index booleans, and urgent rows must sort first (added in v2). */
  priority: 0 | 1;
  profile: Profile | null;
  outcome: DecisionOutcome | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  acknowledgedAt: number | null;
  /** Keyed HMAC tokens of the search terms (shared/case/search-terms.ts); never the terms. */
  searchTokens: string[];
  /** form values, urgent reason, decision. */
  sealed: Sealed;
}

/** Metadata only (role, type, size, SHA-256 of the plaintext): nothing personal. */
export type StoredAttachment = AttachmentMeta;

/** Encrypted image bytes, alone in their table so no query over metadata ever loads them. */
export interface StoredAttachmentBlob {
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  data: Blob;
}

export interface StoredReading {
  id: string;
  caseId: string;
  attachmentId: string | null;
  createdAt: number;
  sealed: Sealed;
}

/** Sync state per case, owned by the outbox; created when a case is decided. */
export interface StoredOutboxEntry {
  caseId: string;
  priority: 0 | 1;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** tus upload URLs by attachment SHA-256 (tus-js-client#730: not localStorage). */
  uploadUrls: Record<string, string>;
  /**
   * Set when the case left in a bundle for another workstation: the row is parked and the case may
   * not be reopened here until the clerk resumes sending from this workstation (docs/outbox.md).
   */
  exported?: { bundleId: string; at: number } | null;
}

export type { ClerkRole } from '../../shared/accounts/clerk-record';

/**
 * A clerk account. `seal` is the main process's HMAC over the sealed fields (shared/accounts/
 * clerk-record.ts): the renderer cannot make one, so an edited row no longer verifies. The lockout
 * counters and `updatedAt` are outside the seal.
 */
export interface StoredClerk extends SealedClerkFields {
  seal: string;
  failedAttempts: number;
  lockedUntil: number;
  updatedAt: number;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

export type Tables = {
  cases: EntityTable<StoredCase, 'id'>;
  attachments: EntityTable<StoredAttachment, 'id'>;
  attachmentBlobs: EntityTable<StoredAttachmentBlob, 'id'>;
  documentReadings: EntityTable<StoredReading, 'id'>;
  outbox: EntityTable<StoredOutboxEntry, 'caseId'>;
  audit: EntityTable<AuditEntry, 'seq'>;
  clerks: EntityTable<StoredClerk, 'id'>;
  settings: EntityTable<StoredSetting, 'key'>;
};

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/**
 * Every schema the app ever shipped, in order. Never edit or drop an entry: a workstation may
 * still hold a database of any earlier version, and Dexie upgrades it step by step.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, &number, state, createdAt, updatedAt, *searchTokens',
      attachments: 'id, caseId, [caseId+sha256]',
      attachmentBlobs: 'id',
      documentReadings: 'id, caseId',
      outbox: 'caseId, nextAttemptAt',
      audit: 'seq, caseId, at',
      clerks: 'id, &username',
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      cases: 'id, &number, state, createdAt, updatedAt, *searchTokens, [priority+createdAt], [state+priority+createdAt], acknowledgedAt',
      outbox: 'caseId, nextAttemptAt, [priority+queuedAt]',
    },
    upgrade: async (tx) => {
      await tx.table('cases').toCollection().modify((row: { urgent: boolean; priority?: number }) => {
        row.priority = row.urgent ? 1 : 0;
      });
      await tx.table('outbox').toCollection().modify((row: { caseId: string; priority?: number; queuedAt?: number; nextAttemptAt: number }) => {
        row.priority ??= 0;
        row.queuedAt ??= row.nextAttemptAt;
      });
    },
  },
  {
    // The case number stops being unique: a case imported from another workstation's bundle keeps
    // the number printed on its applicant's receipt, even where this workstation used it too.
    version: 3,
    stores: {
      cases: 'id, number, state, createdAt, updatedAt, *searchTokens, [priority+createdAt], [state+priority+createdAt], acknowledgedAt',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

export type CaseDatabase = Dexie & Tables;

/** Opens the store at the latest schema, or at an older one (tests of the migrations). */
export function createCaseDatabase(name: string, options: { upToVersion?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): CaseDatabase {
  // Dexie treats a present-but-undefined `indexedDB` option as "no IndexedDB": pass only what is set.
  const db = new Dexie(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {}) as CaseDatabase;
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > (options.upToVersion ?? LATEST_SCHEMA_VERSION)) break;
    const version = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) version.upgrade(schema.upgrade);
  }
  return db;
}
