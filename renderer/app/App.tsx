import { useEffect } from 'react';
import { useAppStore, type Screen } from './app-store';
import { useTranslation } from '../i18n/use-translation';
import { CasesScreen } from '../screens/CasesScreen';
import { IntakeScreen } from '../screens/IntakeScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { DiagnosticsScreen } from '../screens/DiagnosticsScreen';
import { AccountsScreen } from '../screens/AccountsScreen';
import { FirstRunScreen } from '../screens/FirstRunScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { SyncScreen } from '../screens/SyncScreen';
import { OutboxRunner } from '../sync/OutboxRunner';
import { StorageWarning } from '../screens/StoragePanel';
import { useSession, type SessionPhase } from '../store/session';
import { watchInactivity } from '../store/inactivity';
import type { MessageKey } from '../../shared/i18n/messages-it';

const NAVIGATION: { screen: Screen; label: MessageKey; adminOnly?: boolean }[] = [
  { screen: 'cases', label: 'nav.cases' },
  { screen: 'intake', label: 'intake.newCase' },
  { screen: 'sync', label: 'nav.sync' },
  { screen: 'settings', label: 'nav.settings' },
  { screen: 'diagnostics', label: 'nav.diagnostics' },
  { screen: 'accounts', label: 'nav.accounts', adminOnly: true },
];

/** Everything that is not the signed-in app: nothing personal is mounted while one of these shows. */
function AccessScreen({ phase }: { phase: Exclude<SessionPhase, { kind: 'active' }> }) {
  const t = useTranslation();
  switch (phase.kind) {
    case 'opening':
      return <p role="status">…</p>;
    case 'failed':
      return (
        <p className="panel message-error" role="alert">
          {t(phase.messageKey, phase.details)}
        </p>
      );
    case 'first-run':
      return <FirstRunScreen />;
    case 'signed-out':
      return <SignInScreen mode="sign-in" />;
    case 'locked':
      return <SignInScreen mode="unlock" />;
  }
}

export function App() {
  const t = useTranslation();
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const openIntake = useAppStore((s) => s.openIntake);
  const locale = useAppStore((s) => s.locale);
  const autoLockMinutes = useAppStore((s) => s.settings?.autoLockMinutes ?? 5);
  const phase = useSession((s) => s.phase);
  const clerk = useSession((s) => s.clerk);
  const lock = useSession((s) => s.lock);
  const signOut = useSession((s) => s.signOut);
  const active = phase.kind === 'active';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  useEffect(() => {
    if (!active) return;
    return watchInactivity(window, autoLockMinutes, () => void lock());
  }, [active, autoLockMinutes, lock]);

  const isAdmin = clerk?.role === 'admin';
  const current = screen === 'accounts' && !isAdmin ? 'cases' : screen;

  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        {active && (
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              {NAVIGATION.filter((item) => !item.adminOnly || isAdmin).map((item) => (
                <li key={item.screen}>
                  <button type="button" aria-current={current === item.screen ? 'page' : undefined} onClick={() => (item.screen === 'intake' ? openIntake(null) : navigate(item.screen))}>
                    {t(item.label)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {active && clerk && (
          <div className="session-bar">
            <span>{t('accounts.signedInAs', { name: clerk.displayName })}</span>
            <button type="button" className="button-secondary" onClick={() => void lock()}>
              {t('accounts.lockNow')}
            </button>
            <button type="button" className="button-secondary" onClick={() => void signOut()}>
              {t('accounts.signOut')}
            </button>
          </div>
        )}
      </header>
      {(active || phase.kind === 'locked') && <OutboxRunner />}
      <main>
        {active && <StorageWarning />}
        {!active && <AccessScreen phase={phase} />}
        {active && current === 'cases' && <CasesScreen />}
        {active && current === 'intake' && <IntakeScreen />}
        {active && current === 'sync' && <SyncScreen />}
        {active && current === 'settings' && <SettingsScreen />}
        {active && current === 'diagnostics' && <DiagnosticsScreen />}
        {active && current === 'accounts' && <AccountsScreen />}
      </main>
    </>
  );
}
