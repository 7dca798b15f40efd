import type { CaseChange } from '../../shared/central-api/changes';
import type { LocalStore } from '../store/local-store';
import { guardWrite } from '../store/store-error';
import type { CentralClient, CentralRefusal } from './central-client';
import { outboxTable } from './outbox-entry';

const MAX_PAGES_PER_PULL = 20;

const cursorKey = (workstationId: string) => `sync.feedCursor:${workstationId}`;

/**
 * Applies one status change of the office's feed to the local case, if this workstation holds it:
 * the status and reasons are kept for the clerk, and a refusal by the central review moves the
 * case to `refused`. Changes of other workstations' cases are skipped.
 */
export async function applyCaseChange(store: Pick<LocalStore, 'db' | 'cases'>, change: CaseChange, actorId: string): Promise<void> {
  const row = await store.db.cases.get(change.caseId);
  if (!row) return;
  await guardWrite(() =>
    outboxTable(store.db).update(change.caseId, { central: { status: change.status, reasons: change.reasons, changedAt: change.changedAt } }),
  );
  if (change.status === 'refused' && row.state === 'acknowledged') {
    await store.cases.moveState(change.caseId, 'refused', actorId, change.reasons.map((r) => r.code).join(','));
  }
}

/** Pulls the change feed from the stored cursor, applying and saving the cursor page by page. */
export async function pullCaseChanges(store: Pick<LocalStore, 'db' | 'cases'>, client: CentralClient, workstationId: string, actorId: string): Promise<CentralRefusal | null> {
  const key = cursorKey(workstationId);
  let cursor = ((await store.db.settings.get(key))?.value as string | undefined) ?? null;
  for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
    const answer = await client.listChanges(cursor);
    if (!answer.ok) return answer.failure;
    for (const change of answer.body.changes) await applyCaseChange(store, change, actorId);
    cursor = answer.body.nextCursor;
    const saved = cursor;
    await guardWrite(() => store.db.settings.put({ key, value: saved }));
    if (!answer.body.hasMore) break;
  }
  return null;
}
