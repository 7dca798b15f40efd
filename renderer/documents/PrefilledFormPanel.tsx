import { useMemo, useState } from 'react';
import formPdfUrl from '../../resources/forms/modulo-abilitazione-facsimile.pdf?url';
import type { CaseRecord } from '../../shared/case/case';
import { missingRequiredFields } from '../../shared/intake/required-fields';
import { printedFormState } from '../../shared/intake/signed-form';
import { formDigest } from '../../shared/notices/form-code';
import { useApi } from '../app/app-store';
import { useRuntime } from '../app/use-runtime';
import { useTranslation } from '../i18n/use-translation';
import { useSignedForms } from '../intake/signed-form-session';
import { deliverDocument } from './deliver-document';
import { loadDocumentFonts } from './document-fonts';
import { renderPrefilledFormPdf } from './prefilled-form';

type Status = { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

async function facsimileForm(): Promise<Uint8Array> {
  const response = await fetch(formPdfUrl);
  if (!response.ok) throw new Error(`form template not available (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Walk-in without a form (issue 5, item 7): once the required data are on screen, the clerk prints
 * them as the prefilled form with its code; if the data change afterwards the panel says the printed
 * form no longer matches and offers to print again.
 */
export function PrefilledFormPanel({ record }: { record: CaseRecord }) {
  const t = useTranslation();
  const api = useApi();
  const issued = useSignedForms((s) => s.issued);
  const recordIssued = useSignedForms((s) => s.recordIssued);
  const runtime = useRuntime();
  const [status, setStatus] = useState<Status | null>(null);
  const digest = useMemo(() => formDigest(record.profile, record.form), [record.profile, record.form]);
  const complete = record.profile !== null && missingRequiredFields(record.profile, record.form).length === 0;
  const printed = printedFormState(issued, digest);

  async function print() {
    setStatus({ kind: 'working' });
    try {
      const form = await renderPrefilledFormPdf({ formPdf: await facsimileForm(), record, fonts: await loadDocumentFonts() });
      const delivery = await deliverDocument(api, runtime, { kind: 'pdf', fileName: form.fileName, bytes: form.pdf });
      await recordIssued(record, form.formDigest);
      const text = delivery.kind === 'opened' ? t('walkIn.print.opened') : t('walkIn.print.downloaded', { fileName: delivery.kind === 'saved' ? delivery.path : delivery.fileName });
      const unmatched = form.unmatchedFields.length > 0 ? ` ${t('walkIn.print.unmatched', { fields: form.unmatchedFields.join(', ') })}` : '';
      setStatus({ kind: 'done', text: text + unmatched });
    } catch {
      setStatus({ kind: 'error', text: t('walkIn.print.failed') });
    }
  }

  return (
    <section className="panel prefilled-form" aria-labelledby="prefilled-form-heading">
      <h4 id="prefilled-form-heading">{t('walkIn.print.heading')}</h4>
      <p className="hint">{t('walkIn.print.hint')}</p>
      {printed === 'outdated' && (
        <p className="message-error" role="alert">
          {t('walkIn.print.outdated')}
        </p>
      )}
      {printed === 'current' && status?.kind !== 'done' && <p className="message-ok">{t('walkIn.print.current')}</p>}
      <div className="actions">
        <button type="button" onClick={() => void print()} disabled={!complete || status?.kind === 'working'} aria-describedby={complete ? undefined : 'prefilled-form-incomplete'}>
          {printed === 'not-printed' ? t('walkIn.print.action') : t('walkIn.print.again')}
        </button>
      </div>
      {!complete && (
        <p id="prefilled-form-incomplete" className="hint">
          {t('walkIn.print.incomplete')}
        </p>
      )}
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'message-error' : 'message-ok'} data-testid="prefilled-form-status">
        {status?.kind === 'working' ? t('walkIn.print.working') : status?.kind === 'done' && printed === 'outdated' ? '' : status?.text}
      </p>
    </section>
  );
}
