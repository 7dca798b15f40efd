import { useState } from 'react';
import { canReopen } from '../../shared/case/state';
import { scanRolesOf, type AttachmentMeta, type CaseRecord } from '../../shared/case/case';
import { signedInWork } from '../store/session';
import { renderRefusalNoticePdf } from '../documents/applicant-documents';
import { blockingItems, refusalReasonCodes } from '../../shared/intake/checklist';
import { describeError, useTranslation } from '../i18n/use-translation';
import { useChecklist, useIntake } from './intake-session';
import { useAppStore } from '../app/app-store';
import { ApplicantDocumentsPanel, type StoredNotice } from '../documents/ApplicantDocumentsPanel';
import { refusalReasons, writeReason } from '../../shared/notices/reason-sentences';
import { templatesIt } from '../../shared/notices/templates';

/** The refusal notice stored with the case, read from the store when the clerk reprints or mails it. */
function storedNotice(attachments: readonly AttachmentMeta[]): StoredNotice | null {
  const notice = attachments.find((a) => a.role === 'avviso-rifiuto');
  if (!notice) return null;
  return { createdAt: notice.createdAt, size: notice.size, read: async () => new Uint8Array(await (await signedInWork().cases.readAttachment(notice.id)).arrayBuffer()) };
}

/** Step 5: accept (to the outbox) or refuse with the reasons found and the clerk's note. */
export function DecisionStep() {
  const t = useTranslation();
  const record = useIntake((s) => s.record);
  const checklist = useChecklist();
  const decide = useIntake((s) => s.decide);
  const reopen = useIntake((s) => s.reopen);
  const attachments = useIntake((s) => s.attachments);
  const settings = useAppStore((s) => s.settings);
  const suggested = checklist ? refusalReasonCodes(checklist) : [];
  const [selected, setSelected] = useState<string[]>(suggested);
  // The notice's generic "a required field is missing" gets the field names from here.
  const [freeText, setFreeText] = useState(() =>
    checklist && checklist.missingFields.length > 0 ? t('intake.form.missing', { fields: checklist.missingFields.map((f) => t(`form.field.${f}`)).join(', ') }) : '',
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  if (!record || !checklist) return null;

  const blocking = blockingItems(checklist);
  const identityReasons = checklist.identityReasons;
  // The notice is rendered from the decided case and stored with the decision (docs/guida-sportello.md).
  const renderNotice = settings
    ? async (decided: CaseRecord) =>
        (await renderRefusalNoticePdf({ record: decided, office: settings, reasons: refusalReasons(decided.decision?.reasonCodes ?? [], identityReasons), now: new Date(decided.decision?.decidedAt ?? Date.now()) })).pdf
    : undefined;
  // The same sentences the applicant reads in the refusal notice.
  const sentence = (code: string) => writeReason(refusalReasons([code], checklist.identityReasons)[0], templatesIt.reasons).item.text;
  const decision = record.decision;

  async function run(action: () => Promise<void>) {
    setWorking(true);
    try {
      setProblem(null);
      await action();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setWorking(false);
    }
  }

  if (decision) {
    return (
      <div className="panel" aria-labelledby="decision-heading">
        <h3 id="decision-heading">{t('intake.step.decision')}</h3>
        <p role="status" className={decision.outcome === 'accept' ? 'message-ok' : 'message-error'}>
          {t(decision.outcome === 'accept' ? 'intake.decision.done.accept' : 'intake.decision.done.refuse')}
        </p>
        {decision.reasonCodes.length > 0 && (
          <ul>
            {decision.reasonCodes.map((code) => (
              <li key={code} data-code={code}>
                {sentence(code)}
              </li>
            ))}
          </ul>
        )}
        {settings && (
          <ApplicantDocumentsPanel
            record={record}
            reasons={refusalReasons(decision.reasonCodes, checklist.identityReasons)}
            settings={settings}
            received={scanRolesOf(attachments)}
            storedNotice={storedNotice(attachments)}
          />
        )}
        {canReopen(record.state) && (
          <button type="button" onClick={() => void run(reopen)}>
            {t('intake.decision.reopen')}
          </button>
        )}
        {problem && <p role="alert" className="message-error">{problem}</p>}
      </div>
    );
  }

  return (
    <div className="panel" aria-labelledby="decision-heading">
      <h3 id="decision-heading">{t('intake.step.decision')}</h3>
      {blocking > 0 && <p className="message-error">{t('intake.decision.acceptBlocked', { count: blocking })}</p>}
      <button type="button" className="button-primary" disabled={blocking > 0 || working} onClick={() => void run(() => decide({ outcome: 'accept', reasonCodes: [], freeText: '' }))}>
        {t('intake.decision.accept')}
      </button>
      <fieldset className="choice-group">
        <legend>{t('intake.decision.reasons')}</legend>
        {suggested.map((code) => (
          <label key={code} className="choice">
            <input type="checkbox" checked={selected.includes(code)} onChange={(e) => setSelected(e.target.checked ? [...selected, code] : selected.filter((c) => c !== code))} />
            {sentence(code)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="decision-free-text">{t('intake.decision.freeText')}</label>
        <textarea id="decision-free-text" value={freeText} onChange={(e) => setFreeText(e.target.value)} rows={3} />
      </div>
      <button
        type="button"
        disabled={working}
        onClick={() => {
          if (selected.length === 0 && freeText.trim() === '') return setProblem(t('intake.decision.needsReason'));
          void run(() => decide({ outcome: 'refuse', reasonCodes: selected, freeText }, renderNotice));
        }}
      >
        {t('intake.decision.refuse')}
      </button>
      {working && <p role="status">{t('intake.decision.working')}</p>}
      {problem && <p role="alert" className="message-error">{problem}</p>}
    </div>
  );
}
