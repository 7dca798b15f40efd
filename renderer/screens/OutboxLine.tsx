import { memo } from 'react';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { formatDate } from '../../shared/i18n/translate';
import type { Translate } from '../i18n/use-translation';
import { isPausedByExport, type OutboxRow } from '../sync/outbox-view';
import { FailureText } from '../sync/sync-texts';

export function time(at: number): string {
  return new Date(at).toLocaleTimeString('it-IT');
}

function RowDetail({ row, t }: { row: OutboxRow; t: Translate }) {
  const parts = [];
  if (row.receipt) parts.push(<span key="receipt">{t('sync.receipt', { protocol: row.receipt.protocolNumber, date: formatDate(new Date(row.receipt.receivedAt)) })}</span>);
  if (row.central) {
    const reasons = row.central.reasons.map((r) => r.message).join('; ');
    parts.push(<span key="central"> {t(`sync.central.${row.central.status}`, { reasons })}</span>);
  }
  if (row.lastFailure && row.state !== 'acknowledged') parts.push(<FailureText key="failure" failure={row.lastFailure} t={t} />);
  if (isPausedByExport(row) && row.exported) {
    const at = new Date(row.exported.at);
    parts.push(<span key="exported"> {t('bundle.exportedAt', { date: formatDate(at), time: time(row.exported.at) })}</span>);
  }
  return <>{parts}</>;
}

function stateLabel(row: OutboxRow): MessageKey {
  if (isPausedByExport(row)) return 'bundle.state.exported';
  return row.state ? `store.state.${row.state}` : 'sync.state.missing';
}

/**
 * One case of the "Invio" table. Memoised: with rows that keep their identity while unchanged
 * (keepUnchangedRows) and stable handlers, an outbox change re-renders only the row it touched.
 */
export const OutboxLine = memo(function OutboxLine({ row, t, onResume, onSendBack }: { row: OutboxRow; t: Translate; onResume: (caseId: string) => void; onSendBack: (caseId: string) => void }) {
  const paused = isPausedByExport(row);
  return (
    <tr data-case-number={row.number ?? undefined}>
      <th scope="row">
        {row.number}
        {row.priority === 1 && <span className="badge-urgent"> {t('sync.urgent')}</span>}
      </th>
      <td>{t(stateLabel(row))}</td>
      <td>{row.attempts}</td>
      <td>
        <RowDetail row={row} t={t} />
      </td>
      <td>
        {paused && (
          <button type="button" className="button-secondary" onClick={() => onResume(row.caseId)}>
            {t('bundle.resumeHere')}
          </button>
        )}
        {!paused && row.state === 'needs-attention' && (
          <button type="button" className="button-secondary" onClick={() => onSendBack(row.caseId)}>
            {t('sync.sendBack')}
          </button>
        )}
      </td>
    </tr>
  );
});
