import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { describeError, useTranslation } from '../i18n/use-translation';
import { useSignedIn } from '../store/session';
import { CaseFilters } from '../case-list/CaseFilters';
import { CaseList } from '../case-list/CaseList';
import { SendQueueSummary } from '../case-list/SendQueueSummary';
import { useAppStore } from '../app/app-store';
import { createCasePages, type CasePages } from '../case-list/case-pages';
import type { CaseCriteria } from '../case-list/case-filter';
import type { RowRange } from '../case-list/case-window';
import { useCaseChanges } from '../case-list/use-case-changes';

/** Home screen: what waits to be sent, then every case on this workstation, urgent first. */
export function CasesScreen() {
  const t = useTranslation();
  const { store } = useSignedIn();
  const openIntake = useAppStore((s) => s.openIntake);
  const openCase = useCallback((caseId: string) => openIntake(caseId), [openIntake]);
  const startNewCase = useCallback(() => openIntake(null), [openIntake]);
  const [criteria, setCriteria] = useState<CaseCriteria>({});
  const criteriaKey = JSON.stringify(criteria);
  const { changes, error: changesError } = useCaseChanges(store);

  // A re-applied identical filter keeps the list where it is.
  const applyCriteria = useCallback((next: CaseCriteria) => setCriteria((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next)), []);
  const pages = useMemo(() => createCasePages((query) => store.cases.listCases(query), criteria), [store, criteria]);
  const view = useSyncExternalStore(pages.subscribe, pages.view);
  const revision = changes?.revision;
  const synced = useRef<{ pages: CasePages; revision: number | undefined } | null>(null);
  useEffect(() => {
    const last = synced.current;
    synced.current = { pages, revision };
    // A new query reads its pages fresh anyway: only a store change re-reads the query on screen.
    if (last && last.pages === pages && last.revision !== revision) pages.refresh();
  }, [pages, revision]);
  const show = useCallback((range: RowRange) => pages.show(range), [pages]);

  const filtered = criteriaKey !== '{}';
  const error = view.error ?? changesError;
  return (
    <section aria-labelledby="cases-heading" className="cases-screen">
      <div className="cases-header">
        <h2 id="cases-heading">{t('cases.heading')}</h2>
        <SendQueueSummary counts={changes?.counts ?? null} />
        <button type="button" className="button-primary cases-new" onClick={startNewCase}>
          {t('caseList.newCase')}
        </button>
      </div>
      <CaseFilters onApply={applyCriteria} />
      {error !== null && (
        <p className="message-error" role="alert">
          {t('caseList.loadFailed', { reason: describeError(error, t) })}
        </p>
      )}
      <p className="cases-total" aria-live="polite">
        {view.total === null ? t('caseList.loading') : view.total === 1 ? t('caseList.totalOne') : t('caseList.total', { count: view.total })}
      </p>
      {view.total === 0 ? (
        <p className="panel">{t(filtered ? 'caseList.noMatch' : 'cases.empty')}</p>
      ) : (
        <CaseList key={criteriaKey} view={view} onShow={show} onOpen={openCase} label={t('caseList.listLabel')} />
      )}
    </section>
  );
}
