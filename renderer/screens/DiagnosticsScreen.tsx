import { useEffect, useState } from 'react';
import type { IpcResponse } from '../../shared/ipc/contract';
import { formatDate } from '../../shared/i18n/translate';
import { useApi } from '../app/app-store';
import { useTranslation } from '../i18n/use-translation';
import { StoragePanel } from './StoragePanel';
import { AuditPanel } from './AuditPanel';
import { QueuePanel } from '../diagnostics/QueuePanel';
import { OcrPanel } from '../diagnostics/OcrPanel';
import { ExportPanel } from '../diagnostics/ExportPanel';

export function DiagnosticsScreen() {
  const t = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<IpcResponse<'app:info'> | null>(null);
  useEffect(() => {
    void api['app:info']().then(setInfo);
  }, [api]);
  return (
    <section aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">{t('diagnostics.heading')}</h2>
      <dl className="facts panel">
        <dt>{t('diagnostics.version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>{t('diagnostics.runtime')}</dt>
        <dd>{info ? `${info.runtime}${info.electronVersion ? ` (Electron ${info.electronVersion})` : ''}` : '…'}</dd>
        <dt>{t('diagnostics.platform')}</dt>
        <dd>{info?.platform ?? '…'}</dd>
        <dt>{t('diagnostics.today')}</dt>
        <dd>{formatDate(new Date())}</dd>
      </dl>
      <ExportPanel />
      <StoragePanel />
      <QueuePanel />
      <OcrPanel />
      <AuditPanel />
    </section>
  );
}
