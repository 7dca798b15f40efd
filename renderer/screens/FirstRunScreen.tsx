import { useState, type FormEvent } from 'react';
import { useSession } from '../store/session';
import { describeError, useTranslation } from '../i18n/use-translation';

/** Shown once, on a workstation with no account: creates the office administrator. */
export function FirstRunScreen() {
  const t = useTranslation();
  const createFirstAdministrator = useSession((s) => s.createFirstAdministrator);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.password !== form.repeat) return setError(t('accounts.error.passwordMismatch'));
    setBusy(true);
    try {
      await createFirstAdministrator({ username: form.username.trim(), displayName: form.displayName, password: form.password });
    } catch (e) {
      setError(describeError(e, t));
      setBusy(false);
    }
  }

  const input = (name: keyof typeof form, label: Parameters<typeof t>[0], type = 'text', autoComplete = 'off') => (
    <div className="field">
      <label htmlFor={`first-run-${name}`}>{t(label)}</label>
      <input id={`first-run-${name}`} type={type} autoComplete={autoComplete} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} required />
    </div>
  );

  return (
    <section aria-labelledby="first-run-heading" className="access">
      <h2 id="first-run-heading">{t('accounts.firstRun.heading')}</h2>
      <p>{t('accounts.firstRun.intro')}</p>
      <form className="panel" onSubmit={submit} noValidate>
        <div className="form-grid">
          {input('username', 'accounts.username', 'text', 'username')}
          {input('displayName', 'accounts.displayName', 'text', 'name')}
          {input('password', 'accounts.password', 'password', 'new-password')}
          {input('repeat', 'accounts.passwordRepeat', 'password', 'new-password')}
        </div>
        {error && <p className="message-error" role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>{t('accounts.firstRun.submit')}</button>
        </div>
      </form>
    </section>
  );
}
