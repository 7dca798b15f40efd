import { useEffect } from 'react';
import { useAppStore, type Screen } from './app-store';
import { useTranslation } from '../i18n/use-translation';
import { CasesScreen } from '../screens/CasesScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { DiagnosticsScreen } from '../screens/DiagnosticsScreen';
import type { MessageKey } from '../../shared/i18n/messages-it';

const NAVIGATION: { screen: Screen; label: MessageKey }[] = [
  { screen: 'cases', label: 'nav.cases' },
  { screen: 'settings', label: 'nav.settings' },
  { screen: 'diagnostics', label: 'nav.diagnostics' },
];

export function App() {
  const t = useTranslation();
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const locale = useAppStore((s) => s.locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.screen}>
                <button type="button" aria-current={screen === item.screen ? 'page' : undefined} onClick={() => navigate(item.screen)}>
                  {t(item.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {screen === 'cases' && <CasesScreen />}
        {screen === 'settings' && <SettingsScreen />}
        {screen === 'diagnostics' && <DiagnosticsScreen />}
      </main>
    </>
  );
}
