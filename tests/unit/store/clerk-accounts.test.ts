import { describe, expect, it } from 'vitest';
import { IpcCallError } from '../../../shared/ipc/result';
import { openTestStore } from './open-test-store';
import { testAccountGuard } from './test-account-guard';
import { memoryAccountGuard } from '../main/handler-deps';
import { StoreError } from '../../../renderer/store/store-error';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../../renderer/store/clerk-accounts';

async function errorKey(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof IpcCallError) return error.error.messageKey;
  return error instanceof StoreError ? error.messageKey : String(error);
}

const ADMIN = { username: 'mario.rossi', displayName: 'Mario Rossi', password: 'correct horse battery' };

describe('clerk accounts', () => {
  it('has no account until the first administrator is created, and only one first administrator', async () => {
    const { store } = await openTestStore();
    expect(await store.clerks.isFirstRun()).toBe(true);
    const admin = await store.clerks.createFirstAdministrator(ADMIN);
    expect(admin).toMatchObject({ role: 'admin', username: 'mario.rossi', active: true });
    expect(await errorKey(store.clerks.createFirstAdministrator({ ...ADMIN, username: 'other' }))).toBe('accounts.error.alreadyInitialised');
    const stored = (await store.db.clerks.get(admin.id))!;
    expect(stored.password.iterations).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(stored)).not.toContain(ADMIN.password);
  });

  it('refuses weak passwords and malformed usernames', async () => {
    const { store } = await openTestStore();
    expect(await errorKey(store.clerks.createFirstAdministrator({ ...ADMIN, password: 'short' }))).toBe('accounts.error.passwordWeak');
    expect(await errorKey(store.clerks.createFirstAdministrator({ ...ADMIN, username: 'Mario Rossi' }))).toBe('accounts.error.username');
    expect(await store.clerks.isFirstRun()).toBe(true);
  });

  it(`locks an account after ${MAX_FAILED_ATTEMPTS} wrong passwords, until the lockout ends or an admin unlocks it`, async () => {
    const { store, now } = await openTestStore();
    const admin = await store.clerks.createFirstAdministrator(ADMIN);
    const clerk = await store.clerks.create(admin, { username: 'anna.bianchi', displayName: 'Anna Bianchi', password: 'another long secret', role: 'clerk' });
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) expect(await errorKey(store.clerks.signIn('anna.bianchi', 'wrong password!'))).toBe('accounts.error.badCredentials');
    expect(await errorKey(store.clerks.signIn('anna.bianchi', 'wrong password!'))).toBe('accounts.error.locked');
    expect(await errorKey(store.clerks.signIn('anna.bianchi', 'another long secret'))).toBe('accounts.error.locked');
    now.value += LOCKOUT_MS + 1;
    expect(await store.clerks.signIn('anna.bianchi', 'another long secret')).toMatchObject({ id: clerk.id });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await store.clerks.signIn('anna.bianchi', 'nope nope nope').catch(() => undefined);
    // Main seals for the administrator it saw sign in, not for a Clerk object the renderer holds.
    expect(await errorKey(store.clerks.unlock(admin, clerk.id))).toBe('accounts.error.notAdmin');
    await store.clerks.signIn(ADMIN.username, ADMIN.password);
    await store.clerks.unlock(admin, clerk.id);
    expect(await store.clerks.signIn('anna.bianchi', 'another long secret')).toMatchObject({ id: clerk.id });
  }, 60_000);

  it('lets only an administrator manage accounts, and keeps one active administrator', async () => {
    const { store } = await openTestStore();
    const admin = await store.clerks.createFirstAdministrator(ADMIN);
    const clerk = await store.clerks.create(admin, { username: 'anna.bianchi', displayName: 'Anna Bianchi', password: 'another long secret', role: 'clerk' });
    expect(await errorKey(store.clerks.create(clerk, { username: 'x.y.z', displayName: 'X', password: 'another long secret', role: 'admin' }))).toBe('accounts.error.notAdmin');
    expect(await errorKey(store.clerks.create(admin, { username: 'anna.bianchi', displayName: 'Anna', password: 'another long secret', role: 'clerk' }))).toBe('accounts.error.usernameTaken');
    expect(await errorKey(store.clerks.setActive(admin, admin.id, false))).toBe('accounts.error.lastAdmin');
    await store.clerks.setActive(admin, clerk.id, false);
    expect(await errorKey(store.clerks.signIn('anna.bianchi', 'another long secret'))).toBe('accounts.error.inactive');
    await store.clerks.signIn(ADMIN.username, ADMIN.password);
    await store.clerks.resetPassword(admin, clerk.id, 'a brand new secret');
    await store.clerks.setActive(admin, clerk.id, true);
    expect(await store.clerks.signIn('anna.bianchi', 'a brand new secret')).toMatchObject({ role: 'clerk' });
    expect(await errorKey(store.clerks.signIn('nobody', 'whatever whatever'))).toBe('accounts.error.badCredentials');
    expect((await store.audit.verify()).intact).toBe(true);
  }, 60_000);

  it('is refused, never a new first run, when the clerks table is cleared outside the app', async () => {
    const { api, guard } = testAccountGuard();
    const { store, factory } = await openTestStore({ accounts: api });
    await store.clerks.createFirstAdministrator(ADMIN);
    await store.db.clerks.clear();
    store.close();
    // The app restarts: main loads what it saved, nobody is signed in.
    const reopened = await openTestStore({ factory, accounts: restarted(guard) });
    expect(await errorKey(reopened.store.clerks.isFirstRun())).toBe('accounts.error.tampered');
    expect(await errorKey(reopened.store.clerks.createFirstAdministrator({ ...ADMIN, username: 'intruso' }))).toBe('accounts.error.notAdmin');
  });

  it.each([
    ['a clerk raised to administrator', { role: 'admin' }],
    ['a deactivated account re-activated', { active: false }],
    ['another password hash', { password: { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' } }],
    ['another username', { username: 'mario.rossi.bis' }],
    ['a forged seal', { seal: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
  ])('refuses an edited clerks row: %s', async (_label, edit) => {
    const { api } = testAccountGuard();
    const { store, factory } = await openTestStore({ accounts: api });
    const admin = await store.clerks.createFirstAdministrator(ADMIN);
    const clerk = await store.clerks.create(admin, { username: 'anna.bianchi', displayName: 'Anna Bianchi', password: 'another long secret', role: 'clerk' });
    if ('active' in edit) await store.clerks.setActive(admin, clerk.id, false);
    await store.db.clerks.update(clerk.id, 'active' in edit ? { active: true } : (edit as object));
    store.close();
    const reopened = await openTestStore({ factory, accounts: api });
    expect(await errorKey(reopened.store.clerks.isFirstRun())).toBe('accounts.error.tampered');
    expect(await errorKey(reopened.store.clerks.signIn('anna.bianchi', 'another long secret'))).toMatch(/accounts\.error\.(tampered|badCredentials)/);
  }, 60_000);

  it('refuses a row copied in with another row\'s seal, and a row main never sealed', async () => {
    const { api } = testAccountGuard();
    const { store, factory } = await openTestStore({ accounts: api });
    await store.clerks.createFirstAdministrator(ADMIN);
    const [row] = await store.db.clerks.toArray();
    await store.db.clerks.add({ ...row, id: 'intruder', username: 'intruso' });
    store.close();
    expect(await errorKey((await openTestStore({ factory, accounts: api })).store.clerks.isFirstRun())).toBe('accounts.error.tampered');
  });

  it('refuses a store whose identity was removed while it holds data, and a store main does not know with accounts in it', async () => {
    const { api } = testAccountGuard();
    const { store, factory } = await openTestStore({ accounts: api });
    await store.clerks.createFirstAdministrator(ADMIN);
    await store.db.settings.delete('storeId');
    store.close();
    expect(await errorKey(openTestStore({ factory, accounts: api }))).toBe('accounts.error.storeWithoutIdentity');
    const other = await openTestStore({ factory: await copyWithAccounts(), accounts: testAccountGuard().api });
    expect(await errorKey(other.store.clerks.isFirstRun())).toBe('accounts.error.tampered');
  });

  it('tells main who signed in: admin-only calls pass for an administrator and not for a clerk, nor after sign-out', async () => {
    const { api, guard } = testAccountGuard();
    const { store } = await openTestStore({ accounts: api });
    const admin = await store.clerks.createFirstAdministrator(ADMIN);
    expect(guard.session()).toMatchObject({ clerkId: admin.id, role: 'admin' });
    await store.clerks.create(admin, { username: 'anna.bianchi', displayName: 'Anna Bianchi', password: 'another long secret', role: 'clerk' });
    await store.clerks.signIn('anna.bianchi', 'another long secret');
    expect(guard.session()).toMatchObject({ role: 'clerk' });
    expect(() => guard.requireAdmin()).toThrow();
    // The renderer's own admin check could be bypassed: main still refuses to seal for a clerk.
    expect(await errorKey(api['accounts:seal']({ storeId: guard.session()!.storeId, clerk: { id: 'x', username: 'x.y.z', displayName: 'X', role: 'admin', active: true, password: { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'AA==', hash: 'AA==' }, createdAt: 0 } }))).toBe('accounts.error.notAdmin');
    await store.clerks.signIn(ADMIN.username, ADMIN.password);
    expect(() => guard.requireAdmin()).not.toThrow();
    expect(await errorKey(store.clerks.signIn(ADMIN.username, 'wrong password!!'))).toBe('accounts.error.badCredentials');
    expect(guard.session()).toBeNull();
    await store.clerks.signIn(ADMIN.username, ADMIN.password);
    await store.clerks.signOut();
    expect(guard.session()).toBeNull();
  }, 60_000);
});

/** The renderer's view of a main process started again on the state `guard` saved. */
function restarted(guard: ReturnType<typeof memoryAccountGuard>) {
  const again = memoryAccountGuard();
  again.saved.json = guard.saved.json;
  return testAccountGuard(again).api;
}

/** A store with an account in it, made under a guard that is then thrown away. */
async function copyWithAccounts() {
  const { store, factory } = await openTestStore({ accounts: testAccountGuard().api });
  await store.clerks.createFirstAdministrator(ADMIN);
  store.close();
  return factory;
}
