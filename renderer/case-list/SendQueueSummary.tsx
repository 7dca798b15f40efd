import type { CaseState } from '../../shared/case/case';
import { useTranslation } from '../i18n/use-translation';

/** The states of a case that has been decided but has not reached the central service yet. */
const WAITING: readonly { state: CaseState; label: 'caseList.queue.queued' | 'caseList.queue.sending' | 'caseList.queue.attention' }[] = [
  { state: 'queued', label: 'caseList.queue.queued' },
  { state: 'sending', label: 'caseList.queue.sending' },
  { state: 'needs-attention', label: 'caseList.queue.attention' },
];

function waitingToSend(counts: Record<CaseState, number>): number {
  return WAITING.reduce((sum, { state }) => sum + counts[state], 0);
}

/** What still has to reach the central service; cases needing attention are flagged, never hidden. */
export function SendQueueSummary({ counts }: { counts: Record<CaseState, number> | null }) {
  const t = useTranslation();
  return (
    <section className="send-queue" aria-labelledby="send-queue-heading">
      <h3 id="send-queue-heading">{t('caseList.queue.heading')}</h3>
      <p aria-live="polite">
        <strong className="send-queue-total">{counts ? t('caseList.queue.total', { count: waitingToSend(counts) }) : t('caseList.loading')}</strong>
        {counts && (
          <span className="send-queue-parts">
            {WAITING.map(({ state, label }) => (
              <span key={state} className={state === 'needs-attention' && counts[state] > 0 ? 'send-queue-part send-queue-attention' : 'send-queue-part'}>
                {t(label, { count: counts[state] })}
              </span>
            ))}
          </span>
        )}
      </p>
    </section>
  );
}
