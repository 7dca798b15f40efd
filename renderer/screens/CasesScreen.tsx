import { useTranslation } from '../i18n/use-translation';

export function CasesScreen() {
  const t = useTranslation();
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('cases.heading')}</h2>
      <p className="panel">{t('cases.empty')}</p>
    </section>
  );
}
