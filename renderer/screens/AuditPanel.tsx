import { useState } from 'react';
import type { ChainVerdict } from '../../shared/case/audit-chain';
import { useAppStore } from '../app/app-store';
import { useSignedIn } from '../store/session';
import { describeError, useTranslation } from '../i18n/use-translation';

/** Diagnostics piece: verify the hash chain of the audit trail and export it for an inspector. */
export function AuditPanel() {
  const t = useTranslation();
  const { store, clerk } = useSignedIn();
  const workstation = useAppStore((s) => s.settings?.workstationName ?? '');
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportLog() {
    try {
      const json = await store.audit.exportForInspector(clerk.id, workstation);
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `registro-operazioni-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <section aria-labelledby="audit-heading" className="panel">
      <h3 id="audit-heading">{t('audit.heading')}</h3>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void store.audit.verify().then(setVerdict)}>
          {t('audit.verify')}
        </button>
        <button type="button" className="button-secondary" onClick={() => void exportLog()}>
          {t('audit.export')}
        </button>
      </div>
      {verdict && (
        <p className={verdict.intact ? 'message-ok' : 'message-error'} role="status">
          {verdict.intact ? t('audit.intact', { entries: verdict.entries }) : t('audit.broken', { seq: verdict.firstBrokenSeq })}
        </p>
      )}
      {error && <p className="message-error" role="alert">{error}</p>}
    </section>
  );
}
