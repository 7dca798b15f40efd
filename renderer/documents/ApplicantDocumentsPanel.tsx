import { useState } from 'react';
import type { ScanRole, CaseRecord } from '../../shared/case/case';
import { formatDate } from '../../shared/i18n/translate';
import type { OfficeSettings } from '../../shared/notices/case-values';
import type { NoticeReason } from '../../shared/notices/reason-sentences';
import type { NoticeWarning } from '../../shared/notices/warnings';
import { NotRefusedError } from '../../shared/notices/refusal-notice';
import { useApi } from '../app/app-store';
import { useRuntime } from '../app/use-runtime';
import { useTranslation, type Translate } from '../i18n/use-translation';
import { buildRefusalEml, refusalNoticeFor, renderReceiptPdf } from './applicant-documents';
import { deliverDocument, type Delivery } from './deliver-document';

export interface ApplicantDocumentsPanelProps {
  record: CaseRecord;
  /** The identity check's reasons for this case (form value and document value of each). */
  reasons: readonly NoticeReason[];
  settings: OfficeSettings;
  /** Roles of the attachments stored with the case, for the receipt's "documents received". */
  received: readonly ScanRole[];
  /** The refusal notice stored with the case at the decision, if any. */
  storedNotice: StoredNotice | null;
}

/** The notice PDF kept with the case: when it was issued, its size, and its decrypted bytes on demand. */
export interface StoredNotice {
  createdAt: number;
  size: number;
  read(): Promise<Uint8Array>;
}

type Status = { kind: 'working' } | { kind: 'done'; text: string; warnings: string[] } | { kind: 'error'; text: string; warnings: string[] };

/**
 * The three documents handed to the applicant: receipt, refusal notice, e-mail/PEC draft. Every
 * warning (a reason without a template, no address, a malformed PEC) is shown in place and stays
 * until the next action; the notice is printable whatever the warnings.
 */
export function ApplicantDocumentsPanel({ record, reasons, settings, received, storedNotice }: ApplicantDocumentsPanelProps) {
  const t = useTranslation();
  const api = useApi();
  const runtime = useRuntime();
  const [status, setStatus] = useState<Status | null>(null);
  const refused = record.decision?.outcome === 'refuse';

  async function run(action: () => Promise<{ delivery: Delivery | null; warnings: NoticeWarning[]; recipient?: string }>) {
    setStatus({ kind: 'working' });
    try {
      const { delivery, warnings, recipient } = await action();
      const texts = warnings.map((w) => t(w.messageKey, w.params));
      setStatus(delivery ? { kind: 'done', text: describeDelivery(delivery, t, recipient), warnings: texts } : { kind: 'error', text: '', warnings: texts });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof NotRefusedError ? t(error.messageKey) : t('notices.error.generation'), warnings: [] });
    }
  }

  const printReceipt = () =>
    run(async () => {
      const receipt = await renderReceiptPdf({ record, office: settings, received, now: new Date() });
      return { delivery: await deliverDocument(api, runtime, { kind: 'pdf', fileName: receipt.fileName, bytes: receipt.pdf }), warnings: receipt.warnings };
    });

  const noticeDate = () => new Date(record.decision?.decidedAt ?? Date.now());
  const storedNoticeBytes = async () => (storedNotice ? storedNotice.read() : null);

  const printRefusalNotice = () =>
    run(async () => {
      const notice = await refusalNoticeFor({ record, office: settings, reasons, now: noticeDate() }, await storedNoticeBytes());
      return { delivery: await deliverDocument(api, runtime, { kind: 'pdf', fileName: notice.fileName, bytes: notice.pdf }), warnings: notice.warnings };
    });

  const prepareEmail = () =>
    run(async () => {
      const draft = await buildRefusalEml({ record, office: settings, reasons, now: noticeDate() }, undefined, await storedNoticeBytes());
      if (draft.eml === null || draft.recipient === null) return { delivery: null, warnings: draft.warnings };
      const delivery = await deliverDocument(api, runtime, { kind: 'eml', fileName: draft.fileName, bytes: new TextEncoder().encode(draft.eml) });
      return { delivery, warnings: draft.warnings, recipient: draft.recipient.address };
    });

  const working = status?.kind === 'working';
  return (
    <section className="panel" aria-labelledby="applicant-documents-heading">
      <h3 id="applicant-documents-heading">{t('notices.panel.heading')}</h3>
      <div className="actions">
        <button type="button" onClick={printReceipt} disabled={working}>
          {t('notices.action.receipt')}
        </button>
        <button type="button" onClick={printRefusalNotice} disabled={working || !refused} aria-describedby={refused ? undefined : 'applicant-documents-refusal-hint'}>
          {t('notices.action.refusalNotice')}
        </button>
        <button type="button" onClick={prepareEmail} disabled={working || !refused} aria-describedby={refused ? undefined : 'applicant-documents-refusal-hint'}>
          {t('notices.action.email')}
        </button>
      </div>
      {!refused && <p id="applicant-documents-refusal-hint">{t('notices.refusalNotice.notRefused')}</p>}
      {refused && storedNotice && (
        <p data-testid="stored-notice">{t('notices.stored', { date: formatDate(new Date(storedNotice.createdAt)), size: Math.max(1, Math.round(storedNotice.size / 1024)) })}</p>
      )}
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'message-error' : 'message-ok'} data-testid="applicant-documents-status">
        {status?.kind === 'working' ? t('notices.status.working') : status?.text}
      </p>
      {status && status.kind !== 'working' && status.warnings.length > 0 && (
        <ul className="message-error" data-testid="applicant-documents-warnings">
          {status.warnings.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describeDelivery(delivery: Delivery, t: Translate, recipient?: string): string {
  if (recipient !== undefined) {
    return delivery.kind === 'opened' ? t('notices.status.draftOpened', { recipient }) : t('notices.status.draftSaved', { path: delivery.kind === 'saved' ? delivery.path : delivery.fileName, recipient });
  }
  return delivery.kind === 'opened' ? t('notices.status.pdfOpened') : t('notices.status.pdfDownloaded', { fileName: delivery.kind === 'downloaded' ? delivery.fileName : delivery.path });
}
