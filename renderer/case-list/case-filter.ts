import type { CaseState } from '../../shared/case/case';
import { queryTerms } from '../../shared/case/search-terms';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { isoToItalianDate, parseDocumentDate } from '../../shared/identity/dates';
import type { CaseQuery } from '../store/case-repository';

/** What the clerk typed in the filter bar, as typed. */
export interface CaseFilter {
  search: string;
  state: CaseState | '';
  /** dd/mm/yyyy or empty. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: CaseFilter = { search: '', state: '', from: '', to: '' };

export type CaseCriteria = Omit<CaseQuery, 'offset' | 'limit'>;

export interface FilterProblem {
  field: 'search' | 'from' | 'to';
  messageKey: MessageKey;
  details: Record<string, string>;
}

export type FilterOutcome = { ok: true; criteria: CaseCriteria } | { ok: false; problem: FilterProblem };

/** Midnight starting the day `days` after an ISO date, in local time: the counter's day, not UTC's. */
function localMidnight(iso: string, days = 0): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d + days).getTime();
}

/**
 * Turns the filter bar into a store query, or names the one field that cannot be used. The
 * caller keeps the last valid criteria when this fails, so a typo never empties the list.
 */
export function toCaseCriteria(filter: CaseFilter): FilterOutcome {
  const criteria: CaseCriteria = {};
  const search = filter.search.trim();
  if (search !== '') {
    if (queryTerms(search).length === 0) return { ok: false, problem: { field: 'search', messageKey: 'caseList.searchTooShort', details: {} } };
    criteria.search = search;
  }
  if (filter.state !== '') criteria.state = filter.state;
  const bounds: { from?: string; to?: string } = {};
  for (const field of ['from', 'to'] as const) {
    const text = filter[field].trim();
    if (text === '') continue;
    const iso = parseDocumentDate(text);
    if (iso === null) return { ok: false, problem: { field, messageKey: 'caseList.dateInvalid', details: { value: text } } };
    bounds[field] = iso;
  }
  if (bounds.from !== undefined && bounds.to !== undefined && bounds.from > bounds.to) {
    return { ok: false, problem: { field: 'to', messageKey: 'caseList.dateOrder', details: { from: isoToItalianDate(bounds.from), to: isoToItalianDate(bounds.to) } } };
  }
  if (bounds.from !== undefined) criteria.from = localMidnight(bounds.from);
  // The store's range is inclusive: up to the last millisecond of the `to` day.
  if (bounds.to !== undefined) criteria.to = localMidnight(bounds.to, 1) - 1;
  return { ok: true, criteria };
}
