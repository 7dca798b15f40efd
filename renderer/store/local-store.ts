import type { CaseNumbering } from '../../shared/case/case-number';
import { createAuditLog, type AuditLog } from './audit-log';
import { createCaseRepository, type CaseRepository } from './case-repository';
import { createClerkAccounts, type AccountGuardApi, type ClerkAccounts } from './clerk-accounts';
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
  /** Main's side of the clerk accounts (the `accounts:*` channels). */
  accounts: AccountGuardApi;
  name?: string;
  clock?: () => number;
  numbering?: () => CaseNumbering;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export const DEFAULT_DATABASE_NAME = 'sportello';
const KEY_CHECK = 'keyCheck';
const KEY_CHECK_TEXT = 'sportello-data-key-check/v1';
const STORE_ID = 'storeId';

/**
 * The store's random identity, bound into main's account seals. Created only for an empty store:
 * a store that holds cases, audit entries or accounts but lost its identity was altered outside
 * the app, and is refused rather than given a new identity (and so a new first run).
 */
async function storeIdentity(db: CaseDatabase): Promise<string> {
  const existing = (await db.settings.get(STORE_ID))?.value;
  if (typeof existing === 'string') return existing;
  return db.transaction('rw', [db.settings, db.cases, db.audit, db.clerks], async () => {
    const raced = (await db.settings.get(STORE_ID))?.value;
    if (typeof raced === 'string') return raced;
    if ((await db.cases.count()) + (await db.audit.count()) + (await db.clerks.count()) > 0) throw new StoreError('accounts.error.storeWithoutIdentity');
    const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    await db.settings.add({ key: STORE_ID, value: id });
    return id;
  });
}

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
  let storeId: string;
  try {
    storeId = await storeIdentity(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    cipher,
    cases: createCaseRepository({ db, cipher, clock, numbering: options.numbering ?? (() => ({ officeCode: '', workstationCode: '' })) }),
    clerks: createClerkAccounts({ db, auditKey: cipher.auditKey, clock, guard: options.accounts, storeId }),
    audit: createAuditLog(db, cipher.auditKey, clock),
    close: () => db.close(),
  };
}
