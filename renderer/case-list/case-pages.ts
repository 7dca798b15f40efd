import type { CaseSummary } from '../../shared/case/case';
import type { CasePage, CaseQuery } from '../store/case-repository';
import type { CaseCriteria } from './case-filter';
import { pagesCovering, type RowRange } from './case-window';

const PAGE_SIZE = 50;

export interface CasePagesView {
  /** null until the first page has answered. */
  total: number | null;
  row(index: number): CaseSummary | undefined;
  error: unknown;
}

export interface CasePages {
  view(): CasePagesView;
  subscribe(listener: () => void): () => void;
  /** The rows on screen now: their pages are read if missing or stale. */
  show(range: RowRange): void;
  /** The store changed: re-read what is on screen (keeping it visible meanwhile), forget the rest. */
  refresh(): void;
}

/**
 * The rows of one query, read from the store a page at a time, only where the list is looking.
 * At most one batch of reads runs at once and the next one is for wherever the list is by then,
 * so dragging the scrollbar across 10,000 cases does not queue 200 page reads. A superseded
 * instance (the filter changed) needs no disposal: it finishes its one batch and nobody listens.
 */
export function createCasePages(list: (query: CaseQuery) => Promise<CasePage>, criteria: CaseCriteria, pageSize = PAGE_SIZE): CasePages {
  const pages = new Map<number, { items: CaseSummary[]; revision: number }>();
  const listeners = new Set<() => void>();
  let revision = 0;
  let wanted: RowRange = { first: 0, end: pageSize };
  let total: number | null = null;
  /** The revision `total` was counted at: a store change may have changed it even with no page on screen. */
  let totalRevision = -1;
  let error: unknown = null;
  let busy = false;
  let snapshot: CasePagesView = makeView();

  function makeView(): CasePagesView {
    const frozen = new Map(pages);
    return { total, error, row: (index) => frozen.get(Math.floor(index / pageSize))?.items[index % pageSize] };
  }

  function publish(): void {
    snapshot = makeView();
    listeners.forEach((listener) => listener());
  }

  async function pump(): Promise<void> {
    if (busy) return;
    const due = pagesCovering(wanted, pageSize).filter((page) => pages.get(page)?.revision !== revision);
    if (due.length === 0 && totalRevision === revision) return;
    busy = true;
    const asked = revision;
    try {
      const answers = await Promise.all((due.length > 0 ? due : [0]).map(async (page) => ({ page, answer: await list({ ...criteria, offset: page * pageSize, limit: pageSize }) })));
      for (const { page, answer } of answers) pages.set(page, { items: answer.items, revision: asked });
      total = answers[answers.length - 1].answer.total;
      totalRevision = asked;
      error = null;
    } catch (caught) {
      error = caught;
      // Stop retrying in a loop: the next scroll or store change asks again.
      for (const page of due) pages.set(page, { items: pages.get(page)?.items ?? [], revision: asked });
      total ??= 0;
      totalRevision = asked;
    } finally {
      busy = false;
    }
    publish();
    void pump();
  }

  return {
    view: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show(range) {
      wanted = range;
      void pump();
    },
    refresh() {
      revision++;
      const onScreen = new Set(pagesCovering(wanted, pageSize));
      for (const page of [...pages.keys()]) if (!onScreen.has(page)) pages.delete(page);
      void pump();
    },
  };
}
