import type { AuditChainKey } from '../../shared/case/audit-chain';
import { appendAudit, auditTables } from './audit-log';
import type { CaseDatabase, ClerkRole, StoredClerk } from './database';
import { hashPassword, verifyPassword } from './password-hash';
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

/**
 * Personal clerk accounts (the seeds forbid shared credentials): the first one is created on first
 * run and is an administrator; only administrators create, deactivate, unlock or reset others.
 */
export interface ClerkAccounts {
  hasAnyClerk(): Promise<boolean>;
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

export function createClerkAccounts(db: CaseDatabase, auditKey: AuditChainKey, clock: () => number, newId: () => string = () => crypto.randomUUID()): ClerkAccounts {
  async function build(input: NewClerk): Promise<StoredClerk> {
    checkNewClerk(input);
    const now = clock();
    return { id: newId(), username: input.username, displayName: input.displayName.trim(), role: input.role, password: await hashPassword(input.password), failedAttempts: 0, lockedUntil: 0, active: true, createdAt: now, updatedAt: now };
  }

  async function requireAdmin(admin: Clerk): Promise<void> {
    const row = await db.clerks.get(admin.id);
    if (!row || !row.active || row.role !== 'admin') throw new StoreError('accounts.error.notAdmin');
  }

  async function adminChange(admin: Clerk, clerkId: string, detail: string, patch: (row: StoredClerk) => Partial<StoredClerk>): Promise<void> {
    await requireAdmin(admin);
    await guardWrite(() =>
      db.transaction('rw', [db.clerks, ...auditTables(db)], async () => {
        const row = await db.clerks.get(clerkId);
        if (!row) throw new StoreError('accounts.error.badCredentials');
        const changes = { ...patch(row), updatedAt: clock() };
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
    async hasAnyClerk() {
      return (await db.clerks.count()) > 0;
    },

    async createFirstAdministrator(input) {
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
      const ok = await verifyPassword(password, row.password);
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
