import { describe, expect, it } from 'vitest';
import { openTestStore } from './open-test-store';
import { StoreError } from '../../../renderer/store/store-error';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../../renderer/store/clerk-accounts';

async function errorKey(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof StoreError ? error.messageKey : String(error);
}

const ADMIN = { username: 'mario.rossi', displayName: 'Mario Rossi', password: 'correct horse battery' };

describe('clerk accounts', () => {
  it('has no account until the first administrator is created, and only one first administrator', async () => {
    const { store } = await openTestStore();
    expect(await store.clerks.hasAnyClerk()).toBe(false);
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
    expect(await store.clerks.hasAnyClerk()).toBe(false);
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
    await store.clerks.resetPassword(admin, clerk.id, 'a brand new secret');
    await store.clerks.setActive(admin, clerk.id, true);
    expect(await store.clerks.signIn('anna.bianchi', 'a brand new secret')).toMatchObject({ role: 'clerk' });
    expect(await errorKey(store.clerks.signIn('nobody', 'whatever whatever'))).toBe('accounts.error.badCredentials');
    expect((await store.audit.verify()).intact).toBe(true);
  }, 60_000);
});
