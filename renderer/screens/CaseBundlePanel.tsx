import { useEffect, useState, type FormEvent } from 'react';
import { useAppStore } from '../app/app-store';
import { describeError, useTranslation, type Translate } from '../i18n/use-translation';
import { useSignedIn } from '../store/session';
import { BundleError, toBase64 } from '../sync/case-bundle-cipher';
import { exportQueuedCases, exportSummary } from '../sync/case-bundle-export';
import { importCaseBundle, type ImportReport } from '../sync/case-bundle-import';
import { whileOutboxPaused } from '../sync/outbox';
import { useSyncStore } from '../sync/sync-store';
import type { WorkstationCredentials } from '../sync/workstation-credentials';

type Message = { kind: 'ok' | 'error'; lines: string[] };

function problemText(error: unknown, t: Translate): string {
  return error instanceof BundleError ? t(error.messageKey, error.details) : describeError(error, t);
}

function MessageLines({ message, testId }: { message: Message | null; testId: string }) {
  return (
    <div role="status" aria-live="polite" data-testid={testId} className={message?.kind === 'error' ? 'message-error' : 'message-ok'}>
      {message?.lines.map((line) => <p key={line}>{line}</p>)}
    </div>
  );
}

function importLines(report: ImportReport, t: Translate): string[] {
  const lines = [report.imported.length > 0 ? t('bundle.import.done', { count: report.imported.length }) : t('bundle.import.nothingNew')];
  if (report.skipped.length > 0) lines.push(t('bundle.import.skipped', { numbers: report.skipped.join(', ') }));
  if (report.collisions.length > 0) lines.push(t('bundle.import.collision', { numbers: report.collisions.join(', ') }));
  return lines;
}

/**
 * The escape hatch of the Invio screen: export the unacknowledged cases to an encrypted bundle (a
 * USB stick when the workstation must be replaced), import a bundle from another workstation of the
 * same office. `revision` re-reads what can be exported; `onChanged` tells the screen rows changed.
 */
export function CaseBundlePanel({ credentials, revision, onChanged }: { credentials: WorkstationCredentials | null; revision: number; onChanged: () => void }) {
  const t = useTranslation();
  const { store, clerk } = useSignedIn();
  const api = useAppStore((s) => s.api);
  const settings = useAppStore((s) => s.settings);
  const outbox = useSyncStore((s) => s.outbox);
  const [summary, setSummary] = useState<{ exportable: number; undecided: number } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [exportMessage, setExportMessage] = useState<Message | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');
  const [importMessage, setImportMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);

  useEffect(() => {
    let live = true;
    void exportSummary(store).then((next) => live && setSummary(next), () => undefined);
    return () => {
      live = false;
    };
  }, [store, revision, busy]);

  async function submitExport(event: FormEvent) {
    event.preventDefault();
    if (!api) return;
    setBusy('export');
    setExportMessage(null);
    try {
      const outcome = await exportQueuedCases(
        {
          store,
          clock: Date.now,
          whileOutboxPaused,
          save: (fileName, bytes) => api['caseBundle:save']({ fileName, dataBase64: toBase64(bytes) }),
        },
        {
          passphrase,
          passphraseRepeat: repeated,
          clerkId: clerk.id,
          source: {
            officeCode: credentials?.officeCode ?? settings?.officeCode ?? '',
            workstationId: credentials?.workstationId ?? null,
            workstationName: credentials?.workstationName ?? settings?.workstationName ?? '',
          },
        },
      );
      if (outcome.kind === 'saved') {
        setPassphrase('');
        setRepeated('');
        const lines = [t('bundle.export.done', { path: outcome.path, count: outcome.exported })];
        if (outcome.remaining > 0) lines.push(t('bundle.export.remaining', { count: outcome.remaining }));
        setExportMessage({ kind: 'ok', lines });
      } else {
        setExportMessage({ kind: outcome.kind === 'nothing' ? 'ok' : 'error', lines: [t(outcome.kind === 'nothing' ? 'bundle.export.nothing' : 'bundle.export.cancelled')] });
      }
    } catch (error) {
      setExportMessage({ kind: 'error', lines: [problemText(error, t)] });
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  async function submitImport(event: FormEvent) {
    event.preventDefault();
    if (!file) return setImportMessage({ kind: 'error', lines: [t('bundle.error.noFile')] });
    if (!importPassphrase) return setImportMessage({ kind: 'error', lines: [t('bundle.error.passphraseEmpty')] });
    setBusy('import');
    setImportMessage(null);
    try {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        throw new BundleError('bundle.error.unreadableFile');
      }
      const report = await importCaseBundle({ store, clock: Date.now }, { bytes, passphrase: importPassphrase, clerkId: clerk.id, officeCode: credentials?.officeCode ?? null });
      setImportPassphrase('');
      setImportMessage({ kind: 'ok', lines: importLines(report, t) });
      if (report.imported.length > 0) void outbox?.syncNow();
    } catch (error) {
      setImportMessage({ kind: 'error', lines: [problemText(error, t)] });
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  return (
    <section className="panel" aria-labelledby="bundle-heading">
      <h3 id="bundle-heading">{t('bundle.heading')}</h3>
      <p className="hint">{t('bundle.intro')}</p>
      <form onSubmit={submitExport} noValidate aria-labelledby="bundle-export-heading">
        <h4 id="bundle-export-heading">{t('bundle.export.heading')}</h4>
        {summary && <p data-testid="bundle-exportable">{t('bundle.export.candidates', { count: summary.exportable })}</p>}
        {summary && summary.undecided > 0 && <p className="hint">{t('bundle.export.undecided', { count: summary.undecided })}</p>}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="bundle-passphrase">{t('bundle.export.passphrase')}</label>
            <input id="bundle-passphrase" type="password" autoComplete="new-password" value={passphrase} aria-describedby="bundle-passphrase-hint" onChange={(e) => setPassphrase(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="bundle-passphrase-repeat">{t('bundle.export.passphraseRepeat')}</label>
            <input id="bundle-passphrase-repeat" type="password" autoComplete="new-password" value={repeated} onChange={(e) => setRepeated(e.target.value)} />
          </div>
        </div>
        <p id="bundle-passphrase-hint" className="hint">
          {t('bundle.export.passphraseHint')}
        </p>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy !== null || !api}>
            {busy === 'export' ? t('bundle.export.busy') : t('bundle.export.submit')}
          </button>
        </div>
        <MessageLines message={exportMessage} testId="bundle-export-message" />
      </form>
      <form onSubmit={submitImport} noValidate aria-labelledby="bundle-import-heading">
        <h4 id="bundle-import-heading">{t('bundle.import.heading')}</h4>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="bundle-file">{t('bundle.import.file')}</label>
            <input id="bundle-file" type="file" accept=".sportello" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor="bundle-import-passphrase">{t('bundle.import.passphrase')}</label>
            <input id="bundle-import-passphrase" type="password" autoComplete="off" value={importPassphrase} onChange={(e) => setImportPassphrase(e.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy !== null}>
            {busy === 'import' ? t('bundle.import.busy') : t('bundle.import.submit')}
          </button>
        </div>
        <MessageLines message={importMessage} testId="bundle-import-message" />
      </form>
    </section>
  );
}
