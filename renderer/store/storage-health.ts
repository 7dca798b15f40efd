/** What diagnostics shows about the browser storage that holds the cases. */
export interface StorageHealth {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
  /** Warn before it runs out: under 10 % or under 500 MB left, whichever comes first. */
  low: boolean;
}

const LOW_FRACTION = 0.1;
const LOW_BYTES = 500 * 1024 * 1024;

export function isStorageLow(usage: number, quota: number): boolean {
  const free = quota - usage;
  return free < LOW_BYTES || free < quota * LOW_FRACTION;
}

/**
 * Asks once to make the storage persistent (so the browser never evicts cases under pressure);
 * the answer is shown in diagnostics, since a refusal cannot be overridden from here.
 */
export async function requestPersistence(storage: StorageManager | undefined = navigator.storage): Promise<boolean | null> {
  if (!storage?.persist) return null;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export async function readStorageHealth(storage: StorageManager | undefined = navigator.storage): Promise<StorageHealth> {
  if (!storage?.estimate) return { persisted: null, usageBytes: null, quotaBytes: null, low: false };
  const [persisted, estimate] = await Promise.all([storage.persisted ? storage.persisted() : Promise.resolve(null), storage.estimate()]);
  const usage = estimate.usage ?? null;
  const quota = estimate.quota ?? null;
  return { persisted, usageBytes: usage, quotaBytes: quota, low: usage !== null && quota !== null && isStorageLow(usage, quota) };
}
