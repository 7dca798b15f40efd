import { create } from 'zustand';
import type { SportelloApi } from '../../shared/ipc/contract';
import { defaultSettings, type Settings } from '../../shared/settings/settings';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { IpcCallError } from '../../shared/ipc/result';
import { isMessageKey } from '../../shared/i18n/translate';
import type { Clerk, NewClerk } from './clerk-accounts';
import { openLocalStore, type LocalStore } from './local-store';
import { requestPersistence, type StorageHealth } from './storage-health';
import { startHousekeeping } from './housekeeping';
import { StoreError } from './store-error';

/**
 * Who may see case data right now. Only `active` renders the app; `locked` keeps the clerk and
 * the open store but shows nothing personal until the same clerk's password is entered again.
 */
export type SessionPhase =
  | { kind: 'opening' }
  | { kind: 'failed'; messageKey: MessageKey; details: Record<string, string | number> }
  | { kind: 'first-run' }
  | { kind: 'signed-out' }
  | { kind: 'active' }
  | { kind: 'locked' };

interface SessionState {
  phase: SessionPhase;
  store: LocalStore | null;
  clerk: Clerk | null;
  persisted: boolean | null;
  /** Latest storage reading of the housekeeping round; `low` drives the warning banner. */
  storage: StorageHealth | null;
  open(api: SportelloApi, settings: () => Pick<Settings, 'officeCode' | 'workstationCode' | 'retentionDays'> | null): Promise<void>;
  createFirstAdministrator(input: Omit<NewClerk, 'role'>): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  unlock(password: string): Promise<void>;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

function failure(error: unknown): SessionPhase {
  if (error instanceof StoreError) return { kind: 'failed', messageKey: error.messageKey, details: error.details };
  if (error instanceof IpcCallError && isMessageKey(error.error.messageKey)) return { kind: 'failed', messageKey: error.error.messageKey, details: error.error.details ?? {} };
  return { kind: 'failed', messageKey: 'store.error.openFailed', details: {} };
}

export const useSession = create<SessionState>((set, get) => {
  const requireStore = (): LocalStore => {
    const store = get().store;
    if (!store) throw new StoreError('store.error.openFailed');
    return store;
  };
  return {
    phase: { kind: 'opening' },
    store: null,
    clerk: null,
    persisted: null,
    storage: null,

    async open(api, settings) {
      try {
        const { keyBase64 } = await api['dataKey:get']();
        const store = await openLocalStore({ keyBase64, accounts: api, numbering: () => ({ officeCode: settings()?.officeCode ?? '', workstationCode: settings()?.workstationCode ?? '' }) });
        const persisted = await requestPersistence().catch(() => null);
        startHousekeeping({
          db: store.db,
          auditKey: store.cipher.auditKey,
          retentionDays: () => settings()?.retentionDays ?? defaultSettings.retentionDays,
          clock: Date.now,
          onHealth: (storage) => set({ storage }),
        });
        const firstRun = await store.clerks.isFirstRun();
        set({ store, persisted, phase: { kind: firstRun ? 'first-run' : 'signed-out' } });
      } catch (error) {
        set({ phase: failure(error) });
      }
    },

    async createFirstAdministrator(input) {
      const clerk = await requireStore().clerks.createFirstAdministrator(input);
      set({ clerk, phase: { kind: 'active' } });
    },

    async signIn(username, password) {
      const clerk = await requireStore().clerks.signIn(username, password);
      set({ clerk, phase: { kind: 'active' } });
    },

    async unlock(password) {
      const current = get().clerk;
      if (!current) throw new StoreError('accounts.error.badCredentials');
      const clerk = await requireStore().clerks.signIn(current.username, password);
      set({ clerk, phase: { kind: 'active' } });
    },

    async lock() {
      const { clerk, phase } = get();
      if (!clerk || phase.kind !== 'active') return;
      set({ phase: { kind: 'locked' } });
      await requireStore().audit.record({ clerkId: clerk.id, action: 'lock', caseId: null }).catch(() => undefined);
    },

    async signOut() {
      const clerk = get().clerk;
      set({ clerk: null, phase: { kind: 'signed-out' } });
      await requireStore().clerks.signOut().catch(() => undefined);
      if (clerk) await requireStore().audit.record({ clerkId: clerk.id, action: 'sign-out', caseId: null }).catch(() => undefined);
    },
  };
});

/** The store and the signed-in clerk, for screens rendered only while the session is active. */
export function useSignedIn(): { store: LocalStore; clerk: Clerk } {
  const store = useSession((s) => s.store);
  const clerk = useSession((s) => s.clerk);
  if (!store || !clerk) throw new Error('No active session');
  return { store, clerk };
}

/** The case store, the audit log and the signed-in clerk, for actions outside React (the intake's stores). */
export function signedInWork(): { cases: LocalStore['cases']; audit: LocalStore['audit']; clerkId: string } {
  const { store, clerk } = useSession.getState();
  if (!store || !clerk) throw new Error('The intake needs an unlocked store and a signed-in clerk.');
  return { cases: store.cases, audit: store.audit, clerkId: clerk.id };
}
