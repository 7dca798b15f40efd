import { useState } from 'react';
import { useApi } from '../app/app-store';
import { useTranslation } from '../i18n/use-translation';
import { useSignedIn } from '../store/session';
import { useSyncStore } from '../sync/sync-store';
import { collectDiagnostics } from './diagnostics-report';

type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; path: string; revealed: boolean } | { kind: 'failed'; details: string };

/** Writes the diagnostics file (no personal data) for office IT, through main, and says where it is. */
export function ExportPanel() {
  const t = useTranslation();
  const api = useApi();
  const { store } = useSignedIn();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function exportReport() {
    setState({ kind: 'busy' });
    try {
      const report = await collectDiagnostics(api, store, useSyncStore.getState().status);
      const saved = await api['diagnostics:export'](report);
      setState({ kind: 'saved', ...saved });
    } catch (error) {
      setState({ kind: 'failed', details: error instanceof Error ? error.message.slice(0, 200) : String(error) });
    }
  }

  return (
    <section aria-labelledby="export-heading" className="panel">
      <h3 id="export-heading">{t('diagnostics.export.heading')}</h3>
      <p className="hint">{t('diagnostics.export.hint')}</p>
      <button type="button" onClick={() => void exportReport()} disabled={state.kind === 'busy'}>
        {t('diagnostics.export.button')}
      </button>
      <p role="status" data-testid="diagnostics-export-result">
        {state.kind === 'saved' && <span className="message-ok">{t(state.revealed ? 'diagnostics.export.savedShown' : 'diagnostics.export.saved', { path: state.path })}</span>}
        {state.kind === 'failed' && <span className="message-error">{t('diagnostics.export.failed', { details: state.details })}</span>}
      </p>
    </section>
  );
}
