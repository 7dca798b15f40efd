import { useEffect, useState } from 'react';
import { formatDate } from '../../shared/i18n/translate';
import { useTranslation } from '../i18n/use-translation';
import { useSignedIn } from '../store/session';
import type { Connection } from '../sync/outbox';
import { useSyncStore } from '../sync/sync-store';
import { CONNECTION_TEXT, FailureText } from '../sync/sync-texts';
import { readQueueFacts, type QueueFacts } from './diagnostics-report';

/** Diagnostics piece: what waits to be sent, the connection, and the last sending error with its time. */
export function QueuePanel() {
  const t = useTranslation();
  const { store } = useSignedIn();
  const status = useSyncStore((s) => s.status);
  const [facts, setFacts] = useState<QueueFacts | null>(null);
  useEffect(() => {
    void readQueueFacts(store, status).then(setFacts);
  }, [store, status]);
  const failure = facts?.lastFailure ?? null;
  return (
    <section aria-labelledby="queue-heading" className="panel" data-testid="diagnostics-queue">
      <h3 id="queue-heading">{t('diagnostics.queue.heading')}</h3>
      <dl className="facts">
        <dt>{t('diagnostics.queue.state')}</dt>
        <dd>{facts ? `${t(`sync.rollup.${facts.rollUp}`, { count: facts.waiting })} ${t(CONNECTION_TEXT[facts.connection as Connection])}` : '…'}</dd>
        <dt>{t('diagnostics.queue.waiting')}</dt>
        <dd data-testid="diagnostics-waiting">{facts ? t('diagnostics.queue.waitingValue', { count: facts.waiting, urgent: facts.urgentWaiting }) : '…'}</dd>
        <dt>{t('diagnostics.queue.quarantined')}</dt>
        <dd>{facts?.quarantined ?? '…'}</dd>
        <dt>{t('diagnostics.queue.oldest')}</dt>
        <dd>{facts ? (facts.oldestWaitingSince === null ? t('diagnostics.queue.none') : formatDate(new Date(facts.oldestWaitingSince))) : '…'}</dd>
        <dt>{t('diagnostics.queue.lastFailure')}</dt>
        <dd data-testid="diagnostics-last-failure">
          {failure ? (
            <>
              <FailureText failure={failure} t={t} />{' '}
              <span className="hint">{t('diagnostics.queue.lastFailureAt', { time: new Date(failure.at).toLocaleTimeString('it-IT'), date: formatDate(new Date(failure.at)) })}</span>
            </>
          ) : facts ? (
            t('diagnostics.queue.noFailure')
          ) : (
            '…'
          )}
        </dd>
      </dl>
    </section>
  );
}
