import type { MessageKey } from '../../shared/i18n/messages-it';
import type { Translate } from '../i18n/use-translation';
import type { Connection } from './outbox';
import type { SyncFailure } from './outbox-entry';

/** The sentence for each connection state, shown on the "Invio" screen and in diagnostics. */
export const CONNECTION_TEXT: Record<Connection, MessageKey> = {
  unconfigured: 'sync.connection.unconfigured',
  'not-enrolled': 'sync.connection.notEnrolled',
  'other-service': 'sync.connection.otherService',
  checking: 'sync.connection.checking',
  online: 'sync.connection.online',
  offline: 'sync.connection.offline',
  revoked: 'sync.connection.revoked',
};

export function FailureText({ failure, t }: { failure: SyncFailure; t: Translate }) {
  return (
    <>
      <span className="message-error">{t(failure.messageKey, failure.params)}</span>
      {failure.params.details !== undefined && <span className="hint"> {t('sync.failureDetails', { details: failure.params.details })}</span>}
    </>
  );
}
