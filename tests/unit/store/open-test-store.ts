import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openLocalStore, type LocalStore } from '../../../renderer/store/local-store';
import type { AccountGuardApi } from '../../../renderer/store/clerk-accounts';
import { testAccountGuard } from './test-account-guard';

export const TEST_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i + 1)));
export const OTHER_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 200 - i)));

/** A store on a fresh in-memory IndexedDB, with a clock the test moves. */
export async function openTestStore(options: { factory?: IDBFactory; key?: string; now?: { value: number }; accounts?: AccountGuardApi } = {}): Promise<{ store: LocalStore; factory: IDBFactory; now: { value: number } }> {
  const factory = options.factory ?? new IDBFactory();
  const now = options.now ?? { value: Date.UTC(2026, 10, 23, 10, 0, 0) };
  const store = await openLocalStore({
    keyBase64: options.key ?? TEST_KEY,
    accounts: options.accounts ?? testAccountGuard().api,
    name: 'sportello-test',
    clock: () => now.value,
    numbering: () => ({ officeCode: 'RM01', workstationCode: '' }),
    indexedDB: factory,
    IDBKeyRange,
  });
  return { store, factory, now };
}

export const field = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });
