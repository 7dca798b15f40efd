import Dexie from 'dexie';
import type { StoreMessageKey } from '../../shared/i18n/store-it';

/**
 * A failure of the local store that the clerk must read: it carries the i18n key of its Italian
 * sentence. Every message says what was kept, because nothing already stored is ever dropped.
 */
export class StoreError extends Error {
  constructor(
    readonly messageKey: StoreMessageKey,
    readonly details: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(messageKey, options);
    this.name = 'StoreError';
  }
}

function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { inner?: unknown }).inner) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
  }
  return false;
}

/**
 * Runs a write and turns what IndexedDB throws into a StoreError. The write is one Dexie
 * transaction, so a failure leaves the database exactly as it was before it.
 */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if (isQuotaError(error)) throw new StoreError('store.error.quota', {}, { cause: error });
    throw new StoreError('store.error.writeFailed', {}, { cause: error });
  }
}
