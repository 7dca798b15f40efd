import type { CaseNumbering } from '../../shared/case/case-number';
import { createAuditLog, type AuditLog } from './audit-log';
import { createCaseRepository, type CaseRepository } from './case-repository';
import { createClerkAccounts, type ClerkAccounts } from './clerk-accounts';
import { createDataCipher, type DataCipher } from './data-cipher';
import { createCaseDatabase, type CaseDatabase } from './database';
import { StoreError } from './store-error';

/** The opened, unlocked local store: everything the renderer reads or writes about cases. */
export interface LocalStore {
  db: CaseDatabase;
  cipher: DataCipher;
  cases: CaseRepository;
  clerks: ClerkAccounts;
  audit: AuditLog;
  close(): void;
}

export interface LocalStoreOptions {
  keyBase64: string;
  name?: string;
  clock?: () => number;
  numbering?: () => CaseNumbering;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export const DEFAULT_DATABASE_NAME = 'sportello';
const KEY_CHECK = 'keyCheck';
const KEY_CHECK_TEXT = 'sportello-data-key-check/v1';

/**
 * Opens the database and proves the data key is the one the data was written with, before
 * anything else reads it: a wrong key stops here with a message, and nothing is changed on disk.
 */
export async function openLocalStore(options: LocalStoreOptions): Promise<LocalStore> {
  const clock = options.clock ?? Date.now;
  const cipher = await createDataCipher(options.keyBase64);
  const db = createCaseDatabase(options.name ?? DEFAULT_DATABASE_NAME, { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange });
  try {
    await db.open();
  } catch (error) {
    throw new StoreError('store.error.openFailed', {}, { cause: error });
  }
  const check = await db.settings.get(KEY_CHECK);
  if (check) {
    try {
      await cipher.open(check.value as Parameters<DataCipher['open']>[0], KEY_CHECK_TEXT);
    } catch (error) {
      db.close();
      throw new StoreError('store.error.wrongKey', {}, { cause: error });
    }
  } else {
    const sealed = await cipher.seal(new TextEncoder().encode(KEY_CHECK_TEXT), KEY_CHECK_TEXT);
    await db.settings.add({ key: KEY_CHECK, value: sealed }).catch(async (error: unknown) => {
      // Another window wrote its check first: it must be readable with our key too.
      const winner = await db.settings.get(KEY_CHECK);
      if (!winner) throw new StoreError('store.error.openFailed', {}, { cause: error });
      await cipher.open(winner.value as Parameters<DataCipher['open']>[0], KEY_CHECK_TEXT).catch((e: unknown) => {
        throw new StoreError('store.error.wrongKey', {}, { cause: e });
      });
    });
  }
  return {
    db,
    cipher,
    cases: createCaseRepository({ db, cipher, clock, numbering: options.numbering ?? (() => ({ officeCode: '', workstationCode: '' })) }),
    clerks: createClerkAccounts(db, cipher.auditKey, clock),
    audit: createAuditLog(db, cipher.auditKey, clock),
    close: () => db.close(),
  };
}
