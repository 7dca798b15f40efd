import crypto from 'node:crypto';
import { clerkSealInput, type ClerkRole, type PasswordRecord, type SealedClerk, type SealedClerkFields } from '../../../shared/accounts/clerk-record';
import { IpcHandlerError } from '../ipc/register-handlers';

/** What main keeps about the clerks of each local store: which accounts it sealed. */
export interface AccountGuardState {
  version: 1;
  /** 32 random bytes, base64: the seal key. Never leaves the main process. */
  sealKey: string;
  stores: Record<string, { clerkIds: string[] }>;
}

export interface AccountGuardDeps {
  /** The saved state (in Electron wrapped by the OS keychain), or null on a fresh workstation. */
  load: () => Promise<string | null>;
  save: (json: string) => Promise<void>;
  randomBytes: (size: number) => Buffer;
}

/** The clerk main has seen sign in (or create the first account); the gate for admin-only calls. */
export interface MainSession {
  storeId: string;
  clerkId: string;
  role: ClerkRole;
}

export interface AccountGuard {
  /** Checks the store's clerks against what main sealed; says whether this is a genuine first run. */
  open(storeId: string, clerks: SealedClerk[]): Promise<{ firstRun: boolean }>;
  /** Seals a new or changed account: the first administrator of a new store, or anything for a signed-in administrator. */
  seal(storeId: string, clerk: SealedClerkFields): Promise<{ seal: string }>;
  /** Verifies a sealed account and its password; on success this clerk is main's session. */
  signIn(storeId: string, clerk: SealedClerk, password: string): Promise<{ verified: boolean }>;
  signOut(): void;
  session(): MainSession | null;
  /** Throws unless a signed-in administrator is main's session (workstation settings, hot folder). */
  requireAdmin(): MainSession;
}

const tampered = () => new IpcHandlerError('accounts-tampered', 'accounts.error.tampered');

/** PBKDF2-HMAC-SHA-256 as renderer/store/password-hash.ts writes it, compared in constant time. */
export async function verifyPasswordRecord(password: string, stored: PasswordRecord): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(password, Buffer.from(stored.salt, 'base64'), stored.iterations, 32, 'sha256', (err, key) => (err ? reject(err) : resolve(key))),
  );
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/**
 * Main's side of the clerk accounts. The renderer's store holds the rows, but only main can seal
 * them, so a row edited in IndexedDB (a role raised, a password hash swapped, an account
 * re-activated) no longer verifies, and a cleared table is told apart from a first run: main
 * remembers which accounts it sealed for the store.
 */
export function createAccountGuard(deps: AccountGuardDeps): AccountGuard {
  let state: AccountGuardState | null = null;
  let current: MainSession | null = null;

  async function loaded(): Promise<AccountGuardState> {
    if (state) return state;
    const raw = await deps.load().catch(() => {
      throw new IpcHandlerError('accounts-state-damaged', 'accounts.error.tampered');
    });
    if (raw === null) {
      state = { version: 1, sealKey: deps.randomBytes(32).toString('base64'), stores: {} };
      await deps.save(JSON.stringify(state));
      return state;
    }
    try {
      const parsed = JSON.parse(raw) as AccountGuardState;
      if (parsed.version !== 1 || typeof parsed.sealKey !== 'string' || typeof parsed.stores !== 'object') throw new Error('shape');
      state = parsed;
    } catch {
      throw new IpcHandlerError('accounts-state-damaged', 'accounts.error.tampered');
    }
    return state;
  }

  const sealOf = (s: AccountGuardState, storeId: string, clerk: SealedClerkFields) =>
    crypto.createHmac('sha256', Buffer.from(s.sealKey, 'base64')).update(clerkSealInput(storeId, clerk)).digest('base64');

  function sealValid(s: AccountGuardState, storeId: string, clerk: SealedClerk): boolean {
    const expected = Buffer.from(sealOf(s, storeId, clerk));
    const given = Buffer.from(clerk.seal);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }

  function requireAdmin(): MainSession {
    if (!current || current.role !== 'admin') throw new IpcHandlerError('not-admin', 'accounts.error.notAdmin');
    return current;
  }

  return {
    async open(storeId, clerks) {
      const s = await loaded();
      const known = s.stores[storeId];
      if (!known) {
        // Never sealed anything for this store: only an empty one is a first run.
        if (clerks.length > 0) throw tampered();
        return { firstRun: true };
      }
      const present = new Set(clerks.map((c) => c.id));
      if (known.clerkIds.some((id) => !present.has(id))) throw tampered();
      if (clerks.some((c) => !known.clerkIds.includes(c.id) || !sealValid(s, storeId, c))) throw tampered();
      return { firstRun: false };
    },

    async seal(storeId, clerk) {
      const s = await loaded();
      const known = s.stores[storeId];
      if (!known) {
        if (clerk.role !== 'admin' || !clerk.active) throw new IpcHandlerError('not-admin', 'accounts.error.notAdmin');
      } else {
        const admin = requireAdmin();
        if (admin.storeId !== storeId) throw new IpcHandlerError('not-admin', 'accounts.error.notAdmin');
      }
      const seal = sealOf(s, storeId, clerk);
      s.stores[storeId] = { clerkIds: [...new Set([...(known?.clerkIds ?? []), clerk.id])] };
      await deps.save(JSON.stringify(s));
      // Whoever creates the first account is signed in as it.
      if (!known) current = { storeId, clerkId: clerk.id, role: 'admin' };
      return { seal };
    },

    async signIn(storeId, clerk, password) {
      const s = await loaded();
      if (!s.stores[storeId]?.clerkIds.includes(clerk.id) || !sealValid(s, storeId, clerk)) throw tampered();
      const verified = await verifyPasswordRecord(password, clerk.password);
      current = verified && clerk.active ? { storeId, clerkId: clerk.id, role: clerk.role } : null;
      return { verified };
    },

    signOut() {
      current = null;
    },
    session: () => current,
    requireAdmin,
  };
}
