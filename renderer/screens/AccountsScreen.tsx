import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Clerk, NewClerk } from '../store/clerk-accounts';
import { useSignedIn } from '../store/session';
import { describeError, useTranslation } from '../i18n/use-translation';

const EMPTY: NewClerk = { username: '', displayName: '', password: '', role: 'clerk' };

/** Account administration, for the administrator role only (App shows it only to admins). */
export function AccountsScreen() {
  const t = useTranslation();
  const { store, clerk: admin } = useSignedIn();
  const [{ clerks, listedAt }, setListing] = useState<{ clerks: Clerk[]; listedAt: number }>({ clerks: [], listedAt: 0 });
  const [draft, setDraft] = useState<NewClerk>(EMPTY);
  const [resetFor, setResetFor] = useState<{ clerk: Clerk; password: string } | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const reload = useCallback(() => store.clerks.list(admin).then((list) => setListing({ clerks: list, listedAt: Date.now() })), [store, admin]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function run(action: () => Promise<unknown>, ok: string) {
    try {
      await action();
      setStatus({ kind: 'ok', text: ok });
      await reload();
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e, t) });
      return false;
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (await run(() => store.clerks.create(admin, { ...draft, username: draft.username.trim() }), t('accounts.admin.created', { username: draft.username.trim() }))) setDraft(EMPTY);
  }

  async function reset(event: FormEvent) {
    event.preventDefault();
    if (!resetFor) return;
    if (await run(() => store.clerks.resetPassword(admin, resetFor.clerk.id, resetFor.password), t('accounts.admin.passwordReset', { username: resetFor.clerk.username }))) setResetFor(null);
  }

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accounts.admin.heading')}</h2>
      {status && (
        <p className={status.kind === 'ok' ? 'message-ok' : 'message-error'} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <table className="panel data-table">
        <thead>
          <tr>
            <th scope="col">{t('accounts.username')}</th>
            <th scope="col">{t('accounts.displayName')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.admin.status')}</th>
            <th scope="col"><span className="visually-hidden">{t('accounts.admin.heading')}</span></th>
          </tr>
        </thead>
        <tbody>
          {clerks.map((c) => (
            <tr key={c.id}>
              <td>{c.username}</td>
              <td>{c.displayName}</td>
              <td>{t(c.role === 'admin' ? 'accounts.role.admin' : 'accounts.role.clerk')}</td>
              <td>{!c.active ? t('accounts.admin.inactive') : c.lockedUntil > listedAt ? t('accounts.admin.lockedOut') : t('accounts.admin.active')}</td>
              <td className="row-actions">
                <button type="button" className="button-secondary" onClick={() => void run(() => store.clerks.setActive(admin, c.id, !c.active), `${c.username}: ${t(c.active ? 'accounts.admin.inactive' : 'accounts.admin.active')}`)}>
                  {t(c.active ? 'accounts.admin.deactivate' : 'accounts.admin.activate')}
                </button>
                {c.lockedUntil > listedAt && (
                  <button type="button" className="button-secondary" onClick={() => void run(() => store.clerks.unlock(admin, c.id), `${c.username}: ${t('accounts.admin.active')}`)}>
                    {t('accounts.admin.unlock')}
                  </button>
                )}
                <button type="button" className="button-secondary" onClick={() => setResetFor({ clerk: c, password: '' })}>
                  {t('accounts.admin.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {resetFor && (
        <form className="panel" onSubmit={reset} noValidate>
          <div className="field">
            <label htmlFor="reset-password">{`${t('accounts.admin.resetPassword')} — ${resetFor.clerk.username}`}</label>
            <input id="reset-password" type="password" autoComplete="new-password" value={resetFor.password} onChange={(e) => setResetFor({ ...resetFor, password: e.target.value })} autoFocus />
          </div>
          <div className="actions">
            <button type="submit" className="button-primary">{t('accounts.admin.resetPassword')}</button>
          </div>
        </form>
      )}

      <form className="panel" onSubmit={create} noValidate aria-labelledby="accounts-create-heading">
        <h3 id="accounts-create-heading">{t('accounts.admin.create')}</h3>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="new-clerk-username">{t('accounts.username')}</label>
            <input id="new-clerk-username" autoComplete="off" value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-clerk-name">{t('accounts.displayName')}</label>
            <input id="new-clerk-name" autoComplete="off" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-clerk-password">{t('accounts.password')}</label>
            <input id="new-clerk-password" type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-clerk-role">{t('accounts.role')}</label>
            <select id="new-clerk-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value === 'admin' ? 'admin' : 'clerk' })}>
              <option value="clerk">{t('accounts.role.clerk')}</option>
              <option value="admin">{t('accounts.role.admin')}</option>
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">{t('accounts.admin.create')}</button>
        </div>
      </form>
    </section>
  );
}
