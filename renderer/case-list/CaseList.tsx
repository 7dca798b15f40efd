import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseSummary } from '../../shared/case/case';
import { formatDate } from '../../shared/i18n/translate';
import { useTranslation } from '../i18n/use-translation';
import type { CasePagesView } from './case-pages';
import { moveActive, scrollToReveal, visibleRows, type RowRange } from './case-window';
import { useRowHeight } from './use-row-height';

const OVERSCAN = 5;
const FALLBACK_ROW_HEIGHT = 72;

interface CaseListProps {
  view: CasePagesView;
  onShow(range: RowRange): void;
  onOpen(caseId: string): void;
  label: string;
}

function CaseRowContent({ summary }: { summary: CaseSummary | undefined }) {
  const t = useTranslation();
  if (!summary) return <span className="case-row-loading">{t('caseList.loading')}</span>;
  const name = summary.integrity === 'damaged' ? t('caseList.damaged') : summary.displayName || t('caseList.noName');
  return (
    <>
      <span className="case-row-main">
        {summary.urgent && <span className="case-badge case-badge-urgent">{t('caseList.urgent')}</span>}
        <span className={summary.integrity === 'damaged' ? 'case-name message-error' : summary.displayName ? 'case-name' : 'case-name case-name-missing'}>{name}</span>
        <span className={`case-badge case-state case-state-${summary.state}`}>{t(`store.state.${summary.state}`)}</span>
      </span>
      <span className="case-row-detail">
        <span className="case-number">{summary.number}</span>
        <span>{t(summary.profile ? `caseList.profile.${summary.profile}` : 'caseList.profile.none')}</span>
        <span>{t('caseList.createdOn', { date: formatDate(new Date(summary.createdAt)) })}</span>
      </span>
    </>
  );
}

/**
 * The case list as one listbox: a single Tab stop, arrows / Page keys / Home / End move the active
 * row (announced through aria-activedescendant), Enter or a click opens it. Only the rows in view
 * are mounted; each carries its position in the whole list for assistive technology.
 */
export function CaseList({ view, onShow, onOpen, label }: CaseListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [active, setActive] = useState(0);
  const { rowHeight, ruler, measureRow } = useRowHeight(FALLBACK_ROW_HEIGHT);
  const total = view.total ?? 0;
  const current = Math.min(active, Math.max(0, total - 1));

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const watcher = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    watcher.observe(el);
    setViewportHeight(el.clientHeight);
    return () => watcher.disconnect();
  }, []);

  const { first, end } = visibleRows(scrollTop, viewportHeight, rowHeight, total, OVERSCAN);
  useEffect(() => onShow({ first, end }), [onShow, first, end]);

  function reveal(index: number) {
    const el = scroller.current;
    if (!el) return;
    const top = scrollToReveal(index, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== el.scrollTop) el.scrollTop = top;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter') {
      const summary = view.row(current);
      if (summary) {
        event.preventDefault();
        onOpen(summary.id);
      }
      return;
    }
    const next = moveActive(event.key, current, total, Math.floor(viewportHeight / rowHeight));
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    reveal(next);
  }

  const indexes: number[] = [];
  for (let i = first; i < end; i++) indexes.push(i);
  // The active row stays mounted even when scrolled away, so aria-activedescendant always resolves.
  if (total > 0 && (current < first || current >= end)) indexes.push(current);

  return (
    <div
      ref={scroller}
      className="case-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={total > 0 ? `case-option-${current}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div ref={ruler} className="case-row-ruler" aria-hidden="true" />
      <div className="case-list-canvas" style={{ height: total * rowHeight }}>
        {indexes.map((index) => {
          const summary = view.row(index);
          return (
            <div
              key={index}
              id={`case-option-${index}`}
              role="option"
              aria-selected={index === current}
              aria-setsize={total}
              aria-posinset={index + 1}
              className={summary?.urgent ? 'case-row case-row-urgent' : 'case-row'}
              style={{ top: index * rowHeight, height: rowHeight }}
              onClick={() => {
                setActive(index);
                if (summary) onOpen(summary.id);
              }}
            >
              <div ref={measureRow} className="case-row-content">
                <CaseRowContent summary={summary} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
