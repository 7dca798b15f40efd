import { useState, type FormEvent } from 'react';
import { useSession } from '../store/session';
import { describeError, useTranslation } from '../i18n/use-translation';

/** Sign-in with a personal account, and the lock screen (same clerk, password only). */
export function SignInScreen({ mode }: { mode: 'sign-in' | 'unlock' }) {
  const t = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const unlock = useSession((s) => s.unlock);
  const signOut = useSession((s) => s.signOut);
  const clerk = useSession((s) => s.clerk);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = mode === 'unlock';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (locked) await unlock(password);
      else await signIn(username, password);
    } catch (e) {
      setError(describeError(e, t));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="access-heading" className="access">
      <h2 id="access-heading">{t(locked ? 'accounts.lock.heading' : 'accounts.signIn.heading')}</h2>
      <p>{locked ? t('accounts.lock.intro', { name: clerk?.displayName ?? '' }) : t('accounts.signIn.intro')}</p>
      <form className="panel" onSubmit={submit} noValidate>
        <div className="form-grid">
          {!locked && (
            <div className="field">
              <label htmlFor="access-username">{t('accounts.username')}</label>
              <input id="access-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
            </div>
          )}
          <div className="field">
            <label htmlFor="access-password">{t('accounts.password')}</label>
            <input id="access-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus={locked} />
          </div>
        </div>
        {error && <p className="message-error" role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>{t(locked ? 'accounts.lock.submit' : 'accounts.signIn.submit')}</button>
          {locked && (
            <button type="button" className="button-secondary" onClick={() => void signOut()}>
              {t('accounts.lock.otherClerk')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
