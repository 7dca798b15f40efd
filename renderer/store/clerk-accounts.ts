import type { AuditChainKey } from '../../shared/case/audit-chain';
import type { SportelloApi } from '../../shared/ipc/contract';
import type { SealedClerkFields } from '../../shared/accounts/clerk-record';
import { appendAudit, auditTables } from './audit-log';
import type { CaseDatabase, ClerkRole, StoredClerk } from './database';
import { hashPassword } from './password-hash';
import { guardWrite, StoreError } from './store-error';

/** A signed-in clerk as the app sees it: never the password record. */
export interface Clerk {
  id: string;
  username: string;
  displayName: string;
  role: ClerkRole;
  active: boolean;
  lockedUntil: number;
}

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 12;

export interface NewClerk {
  username: string;
  displayName: string;
  password: string;
  role: ClerkRole;
}

/** The main-process side of the accounts: it alone seals rows and verifies passwords. */
export type AccountGuardApi = Pick<SportelloApi, 'accounts:open' | 'accounts:seal' | 'accounts:signIn' | 'accounts:signOut'>;

/**
 * Personal clerk accounts (the seeds forbid shared credentials): the first one is created on first
 * run and is an administrator; only administrators create, deactivate, unlock or reset others.
 * Every row is sealed by main, which also remembers which accounts it sealed for this store, so a
 * cleared or edited `clerks` table is refused (`accounts.error.tampered`) instead of looking like a
 * first run.
 */
export interface ClerkAccounts {
  /** Checks the table against main's seals: true on a genuine first run, false when accounts exist; throws when tampered. */
  isFirstRun(): Promise<boolean>;
  signOut(): Promise<void>;
  createFirstAdministrator(input: Omit<NewClerk, 'role'>): Promise<Clerk>;
  signIn(username: string, password: string): Promise<Clerk>;
  list(admin: Clerk): Promise<Clerk[]>;
  create(admin: Clerk, input: NewClerk): Promise<Clerk>;
  setActive(admin: Clerk, clerkId: string, active: boolean): Promise<void>;
  unlock(admin: Clerk, clerkId: string): Promise<void>;
  resetPassword(admin: Clerk, clerkId: string, password: string): Promise<void>;
}

const view = (row: StoredClerk): Clerk => ({ id: row.id, username: row.username, displayName: row.displayName, role: row.role, active: row.active, lockedUntil: row.lockedUntil });

function checkNewClerk(input: NewClerk): void {
  if (!/^[a-z0-9][a-z0-9.-]{2,31}$/.test(input.username)) throw new StoreError('accounts.error.username');
  if (input.displayName.trim() === '' || input.displayName.length > 100) throw new StoreError('accounts.error.displayName');
  checkPassword(input.password);
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new StoreError('accounts.error.passwordWeak');
}

const sealedFields = (row: SealedClerkFields): SealedClerkFields => ({ id: row.id, username: row.username, displayName: row.displayName, role: row.role, active: row.active, password: row.password, createdAt: row.createdAt });

export interface ClerkAccountsDeps {
  db: CaseDatabase;
  auditKey: AuditChainKey;
  clock: () => number;
  guard: AccountGuardApi;
  /** This store's identity (local-store.ts), bound into every seal. */
  storeId: string;
  newId?: () => string;
}

export function createClerkAccounts(deps: ClerkAccountsDeps): ClerkAccounts {
  const { db, auditKey, clock, guard, storeId } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const seal = async (row: SealedClerkFields) => (await guard['accounts:seal']({ storeId, clerk: sealedFields(row) })).seal;

  async function build(input: NewClerk): Promise<StoredClerk> {
    checkNewClerk(input);
    const now = clock();
    const fields: SealedClerkFields = { id: newId(), username: input.username, displayName: input.displayName.trim(), role: input.role, password: await hashPassword(input.password), active: true, createdAt: now };
    return { ...fields, seal: await seal(fields), failedAttempts: 0, lockedUntil: 0, updatedAt: now };
  }

  async function requireAdmin(admin: Clerk): Promise<void> {
    const row = await db.clerks.get(admin.id);
    if (!row || !row.active || row.role !== 'admin') throw new StoreError('accounts.error.notAdmin');
  }

  async function adminChange(admin: Clerk, clerkId: string, detail: string, patch: (row: StoredClerk) => Partial<StoredClerk>): Promise<void> {
    await requireAdmin(admin);
    const before = await db.clerks.get(clerkId);
    if (!before) throw new StoreError('accounts.error.badCredentials');
    // Main seals the changed row before the transaction (an IPC call cannot run inside one).
    const changed = { ...before, ...patch(before) };
    const resealed = await seal(changed);
    await guardWrite(() =>
      db.transaction('rw', [db.clerks, ...auditTables(db)], async () => {
        const row = await db.clerks.get(clerkId);
        if (!row || row.updatedAt !== before.updatedAt) throw new StoreError('store.error.writeFailed');
        const changes = { ...patch(row), seal: resealed, updatedAt: clock() };
        if (row.role === 'admin' && changes.active === false) {
          const activeAdmins = await db.clerks.filter((c) => c.role === 'admin' && c.active).count();
          if (activeAdmins <= 1) throw new StoreError('accounts.error.lastAdmin');
        }
        await db.clerks.update(clerkId, changes);
        await appendAudit(db, auditKey, { clerkId: admin.id, action: 'account', caseId: null, detail: `${detail}:${clerkId}` }, clock());
      }),
    );
  }

  return {
    async isFirstRun() {
      const clerks = await db.clerks.toArray();
      return (await guard['accounts:open']({ storeId, clerks: clerks.map((c) => ({ ...sealedFields(c), seal: c.seal })) })).firstRun;
    },

    async signOut() {
      await guard['accounts:signOut']();
    },

    async createFirstAdministrator(input) {
      if ((await db.clerks.count()) > 0) throw new StoreError('accounts.error.alreadyInitialised');
      const row = await build({ ...input, role: 'admin' });
      await guardWrite(() =>
        db.transaction('rw', [db.clerks, ...auditTables(db)], async () => {
          if ((await db.clerks.count()) > 0) throw new StoreError('accounts.error.alreadyInitialised');
          await db.clerks.add(row);
          await appendAudit(db, auditKey, { clerkId: row.id, action: 'account', caseId: null, detail: `create-first-admin:${row.id}` }, clock());
        }),
      );
      return view(row);
    },

    async signIn(username, password) {
      const row = await db.clerks.where('username').equals(username.trim()).first();
      const now = clock();
      if (!row) {
        // Same cost as a real check, so timing does not tell which usernames exist.
        await hashPassword(password);
        throw new StoreError('accounts.error.badCredentials');
      }
      if (row.lockedUntil > now) throw new StoreError('accounts.error.locked', { minutes: Math.ceil((row.lockedUntil - now) / 60_000) });
      const { verified: ok } = await guard['accounts:signIn']({ storeId, clerk: { ...sealedFields(row), seal: row.seal }, password });
      if (ok && !row.active) throw new StoreError('accounts.error.inactive');
      await guardWrite(() =>
        db.transaction('rw', [db.clerks, ...auditTables(db)], async () => {
          const fresh = (await db.clerks.get(row.id)) ?? row;
          if (ok) {
            await db.clerks.update(row.id, { failedAttempts: 0, lockedUntil: 0 });
            await appendAudit(db, auditKey, { clerkId: row.id, action: 'sign-in', caseId: null }, now);
            return;
          }
          const failedAttempts = fresh.failedAttempts + 1;
          const locked = failedAttempts >= MAX_FAILED_ATTEMPTS;
          await db.clerks.update(row.id, { failedAttempts: locked ? 0 : failedAttempts, lockedUntil: locked ? now + LOCKOUT_MS : fresh.lockedUntil });
          await appendAudit(db, auditKey, { clerkId: row.id, action: 'sign-in-failed', caseId: null, detail: locked ? 'locked-out' : `attempt-${failedAttempts}` }, now);
        }),
      );
      if (!ok) {
        const after = await db.clerks.get(row.id);
        if (after && after.lockedUntil > now) throw new StoreError('accounts.error.locked', { minutes: Math.ceil(LOCKOUT_MS / 60_000) });
        throw new StoreError('accounts.error.badCredentials');
      }
      return view({ ...row, failedAttempts: 0, lockedUntil: 0 });
    },

    async list(admin) {
      await requireAdmin(admin);
      return (await db.clerks.orderBy('username').toArray()).map(view);
    },

    async create(admin, input) {
      await requireAdmin(admin);
      if (await db.clerks.where('username').equals(input.username).count()) throw new StoreError('accounts.error.usernameTaken');
      const row = await build(input);
      await guardWrite(() =>
        db.transaction('rw', [db.clerks, ...auditTables(db)], async () => {
          if (await db.clerks.where('username').equals(row.username).count()) throw new StoreError('accounts.error.usernameTaken');
          await db.clerks.add(row);
          await appendAudit(db, auditKey, { clerkId: admin.id, action: 'account', caseId: null, detail: `create-${row.role}:${row.id}` }, clock());
        }),
      );
      return view(row);
    },

    setActive: (admin, clerkId, active) => adminChange(admin, clerkId, active ? 'activate' : 'deactivate', () => ({ active })),
    unlock: (admin, clerkId) => adminChange(admin, clerkId, 'unlock', () => ({ failedAttempts: 0, lockedUntil: 0 })),
    async resetPassword(admin, clerkId, password) {
      checkPassword(password);
      const hashed = await hashPassword(password);
      await adminChange(admin, clerkId, 'reset-password', () => ({ password: hashed, failedAttempts: 0, lockedUntil: 0 }));
    },
  };
}
