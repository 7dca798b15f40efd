import type { CaseNumber, CaseState } from '../../shared/case/case';
import type { CaseDatabase } from '../store/database';
import type { Connection } from './outbox';
import { outboxTable, type OutboxEntry } from './outbox-entry';

/** One line of the "Invio" screen: the outbox row and the plain (non-personal) columns of its case. */
export interface OutboxRow extends OutboxEntry {
  number: CaseNumber | null;
  state: CaseState | null;
}

export type RollUp = 'error' | 'warning' | 'pending' | 'synced';

const PENDING: readonly (CaseState | null)[] = ['queued', 'sending', 'sent'];

const RANK: Record<RollUp, number> = { error: 0, warning: 1, pending: 2, synced: 3 };

/** A row's own roll-up: quarantined is an error, pending with a kept failure a warning. */
export function rowRollUp(row: Pick<OutboxRow, 'state' | 'lastFailure'>): RollUp {
  if (row.state === 'needs-attention') return 'error';
  if (PENDING.includes(row.state)) return row.lastFailure ? 'warning' : 'pending';
  return 'synced';
}

/** The list's roll-up, ERROR > WARNING > pending > SYNCED; a refused workstation is an error for every case. */
export function listRollUp(rows: readonly Pick<OutboxRow, 'state' | 'lastFailure'>[], connection: Connection): RollUp {
  const pending = rows.some((row) => PENDING.includes(row.state));
  if (connection === 'revoked' && pending) return 'error';
  let worst: RollUp = 'synced';
  for (const row of rows) if (RANK[rowRollUp(row)] < RANK[worst]) worst = rowRollUp(row);
  if (worst !== 'error' && pending && (connection === 'offline' || connection === 'not-enrolled' || connection === 'unconfigured' || connection === 'other-service')) return 'warning';
  return worst;
}

/** Exported to a bundle and not yet known to be held by the service: another workstation's to send. */
export function isPausedByExport(row: Pick<OutboxRow, 'exported' | 'state'>): boolean {
  return !!row.exported && row.state !== 'acknowledged' && row.state !== 'refused';
}

/** Every outbox row with its case, worst first, then urgent, then oldest. */
export async function listOutboxRows(db: CaseDatabase): Promise<OutboxRow[]> {
  const entries = await outboxTable(db).toArray();
  const cases = await db.cases.bulkGet(entries.map((e) => e.caseId));
  const rows = entries.map((entry, i) => ({ ...entry, number: cases[i]?.number ?? null, state: cases[i]?.state ?? null }));
  return rows.sort((a, b) => RANK[rowRollUp(a)] - RANK[rowRollUp(b)] || b.priority - a.priority || a.queuedAt - b.queuedAt);
}

/**
 * `next` with every row equal to the one already on screen replaced by that same object, and
 * `shown` itself when nothing changed at all: the screen's memoised rows then re-render only where
 * an outbox change landed (the rows are plain JSON values, so their JSON is their identity).
 */
export function keepUnchangedRows(shown: readonly OutboxRow[], next: OutboxRow[]): readonly OutboxRow[] {
  const before = new Map(shown.map((row) => [row.caseId, row]));
  let changed = shown.length !== next.length;
  const kept = next.map((row, index) => {
    const previous = before.get(row.caseId);
    const same = previous !== undefined && JSON.stringify(previous) === JSON.stringify(row);
    if (!same || shown[index] !== previous) changed = true;
    return same ? previous : row;
  });
  return changed ? kept : shown;
}
