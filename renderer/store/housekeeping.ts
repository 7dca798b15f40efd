import { purgeExpiredImages } from './image-retention';
import { readStorageHealth, type StorageHealth } from './storage-health';
import type { CaseDatabase } from './database';
import type { AuditChainKey } from '../../shared/case/audit-chain';

export const HOUSEKEEPING_INTERVAL_MS = 10 * 60 * 1000;

export interface HousekeepingDeps {
  db: CaseDatabase;
  auditKey: AuditChainKey;
  retentionDays: () => number;
  clock: () => number;
  readHealth?: () => Promise<StorageHealth>;
  onHealth: (health: StorageHealth) => void;
}

/**
 * Background duties of an open store, now and every ten minutes: purge the images whose
 * retention ended, and re-read storage use so the warning shows before the disk is full.
 * A failed round is retried at the next one; it never touches cases that are not due.
 */
export function startHousekeeping(deps: HousekeepingDeps): () => void {
  const readHealth = deps.readHealth ?? (() => readStorageHealth());
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await purgeExpiredImages(deps.db, deps.auditKey, deps.retentionDays(), deps.clock()).catch(() => undefined);
      deps.onHealth(await readHealth());
    } catch {
      // Storage estimate unavailable: diagnostics shows it as unknown.
    } finally {
      running = false;
    }
  };
  void round();
  const timer = setInterval(() => void round(), HOUSEKEEPING_INTERVAL_MS);
  return () => clearInterval(timer);
}
