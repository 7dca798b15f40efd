import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CaseState } from '../../shared/case/case';
import { useTranslation } from '../i18n/use-translation';
import { EMPTY_FILTER, toCaseCriteria, type CaseCriteria, type CaseFilter, type FilterProblem } from './case-filter';

/** Typing pauses shorter than this do not query the store (each query derives blind-index tokens). */
const SEARCH_DELAY_MS = 250;

/**
 * Search box, state and date range. Search applies as the clerk types (after a pause), the state
 * at once, dates on leaving the field or Enter. An unusable value is explained next to its field
 * and the list keeps the last valid criteria.
 */
export function CaseFilters({ onApply }: { onApply(criteria: CaseCriteria): void }) {
  const t = useTranslation();
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_FILTER);
  const [problem, setProblem] = useState<FilterProblem | null>(null);
  const searchTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(searchTimer.current), []);

  function apply(next: CaseFilter) {
    window.clearTimeout(searchTimer.current);
    const outcome = toCaseCriteria(next);
    if (outcome.ok) {
      setProblem(null);
      onApply(outcome.criteria);
    } else {
      setProblem(outcome.problem);
    }
  }

  function change(patch: Partial<CaseFilter>, when: 'now' | 'after-typing' | 'later') {
    const next = { ...filter, ...patch };
    setFilter(next);
    if (when === 'now') apply(next);
    if (when === 'after-typing') {
      window.clearTimeout(searchTimer.current);
      searchTimer.current = window.setTimeout(() => apply(next), SEARCH_DELAY_MS);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(filter);
  }

  /** Marks the field the problem is about, and points it at the message (after any hint of its own). */
  const invalid = (field: FilterProblem['field'], hint?: string) => {
    const describedBy = [hint, problem?.field === field ? 'case-filter-problem' : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': problem?.field === field ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
  };

  return (
    <form className="case-filters" role="search" aria-label={t('caseList.filters')} onSubmit={submit} noValidate>
      <div className="field case-filter-search">
        <label htmlFor="case-filter-search">{t('caseList.search')}</label>
        <input id="case-filter-search" type="search" autoComplete="off" spellCheck={false} value={filter.search} onChange={(e) => change({ search: e.target.value }, 'after-typing')} {...invalid('search', 'case-filter-search-hint')} />
        <span id="case-filter-search-hint" className="field-hint">
          {t('caseList.searchHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="case-filter-state">{t('caseList.state')}</label>
        <select id="case-filter-state" value={filter.state} onChange={(e) => change({ state: e.target.value as CaseFilter['state'] }, 'now')}>
          <option value="">{t('caseList.allStates')}</option>
          {CaseState.options.map((state) => (
            <option key={state} value={state}>
              {t(`store.state.${state}`)}
            </option>
          ))}
        </select>
      </div>
      {(['from', 'to'] as const).map((field) => (
        <div className="field case-filter-date" key={field}>
          <label htmlFor={`case-filter-${field}`}>{t(field === 'from' ? 'caseList.from' : 'caseList.to')}</label>
          <input id={`case-filter-${field}`} type="text" inputMode="numeric" autoComplete="off" placeholder={t('caseList.datePlaceholder')} value={filter[field]} onChange={(e) => change({ [field]: e.target.value }, 'later')} onBlur={() => apply(filter)} {...invalid(field)} />
        </div>
      ))}
      <div className="case-filter-actions">
        <button type="submit" className="button-primary">
          {t('caseList.apply')}
        </button>
        <button type="button" className="button-secondary" onClick={() => change(EMPTY_FILTER, 'now')}>
          {t('caseList.clearFilters')}
        </button>
      </div>
      {problem && (
        <p id="case-filter-problem" className="message-error case-filter-problem" role="alert">
          {t(problem.messageKey, problem.details)}
        </p>
      )}
    </form>
  );
}
