import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { CaseState } from '../../shared/case/case';
import type { LocalStore } from '../store/local-store';

export interface CaseChanges {
  counts: Record<CaseState, number>;
  /** Goes up whenever any case is created or written, in this window or another one. */
  revision: number;
}

/**
 * Counts per state, kept current by a Dexie live query: the wizard, the outbox and other windows
 * write to the store, and the list follows without polling. The query also counts the whole
 * table by primary key, which Dexie treats as reading every case, so any write to any case
 * re-runs it (a state count alone misses a write that leaves the state as it was); each run is
 * the list's signal to re-read the rows on screen.
 */
export function useCaseChanges(store: LocalStore): { changes: CaseChanges | null; error: unknown } {
  const [state, setState] = useState<{ changes: CaseChanges | null; error: unknown }>({ changes: null, error: null });
  useEffect(() => {
    let revision = 0;
    const subscription = liveQuery(async () => (await Promise.all([store.cases.countByState(), store.db.cases.count()]))[0]).subscribe({
      next: (counts) => setState({ changes: { counts, revision: ++revision }, error: null }),
      error: (error: unknown) => setState((previous) => ({ changes: previous.changes, error })),
    });
    return () => subscription.unsubscribe();
  }, [store]);
  return state;
}
