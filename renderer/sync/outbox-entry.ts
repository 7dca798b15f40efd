import type { EntityTable } from 'dexie';
import type { CaseStatus } from '../../shared/central-api/cases';
import type { CentralErrorAction, CentralErrorCode } from '../../shared/central-api/errors';
import type { MessageKey } from '../../shared/i18n/messages-it';
import type { CaseDatabase, StoredOutboxEntry } from '../store/database';

/** The last thing that went wrong for a case, kept until the case goes through (the clerk sees it). */
export interface SyncFailure {
  messageKey: MessageKey;
  params: Record<string, string | number>;
  action: CentralErrorAction;
  code: CentralErrorCode | null;
  at: number;
}

/**
 * The store's outbox row plus what the outbox learns about the case. No new index, so no schema
 * version: these fields are plain values Dexie keeps as they are. Nothing personal is in here.
 */
export interface OutboxEntry extends StoredOutboxEntry {
  lastFailure?: SyncFailure | null;
  receipt?: { protocolNumber: string; receivedAt: string } | null;
  central?: { status: CaseStatus; reasons: { code: string; message: string }[]; changedAt: string } | null;
}

/** Rows that need nothing more (acknowledged, quarantined) are parked here, out of the due range. */
export const PARKED = Number.MAX_SAFE_INTEGER;

export function outboxTable(db: CaseDatabase): EntityTable<OutboxEntry, 'caseId'> {
  return db.outbox as EntityTable<OutboxEntry, 'caseId'>;
}
