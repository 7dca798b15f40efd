import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useAppStore } from '../app/app-store';
import { describeError, useTranslation, type Translate } from '../i18n/use-translation';
import { useSignedIn } from '../store/session';
import { isSkewSignificant } from '../sync/clock-skew';
import { diagnoseCentral } from '../sync/diagnose-central';
import { enrollWorkstation } from '../sync/enrollment';
import type { Connection, OutboxStatus } from '../sync/outbox';
import { isPausedByExport, keepUnchangedRows, listOutboxRows, listRollUp, type OutboxRow } from '../sync/outbox-view';
import { useSyncStore } from '../sync/sync-store';
import { CONNECTION_TEXT, FailureText } from '../sync/sync-texts';
import { loadCredentials, type WorkstationCredentials } from '../sync/workstation-credentials';
import { resumeSendingHere } from '../sync/case-bundle-export';
import { CaseBundlePanel } from './CaseBundlePanel';
import { OutboxLine, time } from './OutboxLine';


const NEEDS_ENROLLMENT: readonly Connection[] = ['not-enrolled', 'other-service', 'revoked'];

function ClockSkewWarning({ skewMs, t }: { skewMs: number | null; t: Translate }) {
  if (!isSkewSignificant(skewMs)) return null;
  // Server minus workstation: a negative difference means the workstation runs ahead.
  const direction = skewMs < 0 ? t('sync.clockSkew.ahead') : t('sync.clockSkew.behind');
  return (
    <p className="message-error" role="alert">
      {t('sync.clockSkew', { minutes: Math.round(Math.abs(skewMs) / 60_000), direction })}
    </p>
  );
}

function EnrollmentForm({ credentials, onEnrolled }: { credentials: WorkstationCredentials | null; onEnrolled: () => void }) {
  const t = useTranslation();
  const { store } = useSignedIn();
  const settings = useAppStore((s) => s.settings);
  const [officeCode, setOfficeCode] = useState(credentials?.officeCode ?? settings?.officeCode ?? '');
  const [code, setCode] = useState('');
  const [name, setName] = useState(credentials?.workstationName ?? settings?.workstationName ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const serviceUrl = settings?.centralServiceUrl ?? '';
    if (!serviceUrl) return setMessage({ kind: 'error', text: t('sync.enroll.missingUrl') });
    setBusy(true);
    try {
      const outcome = await enrollWorkstation(store, serviceUrl, { officeCode, enrollmentCode: code, workstationName: name.trim() }, { diagnose: diagnoseCentral });
      if (outcome.ok) {
        setCode('');
        setMessage({ kind: 'ok', text: t('sync.enroll.done', { name: outcome.credentials.workstationName, office: outcome.credentials.officeCode }) });
        onEnrolled();
      } else if (outcome.invalid) {
        setMessage({ kind: 'error', text: t('sync.enroll.invalid') });
      } else {
        setMessage({ kind: 'error', text: t(outcome.failure.messageKey, outcome.failure.messageParams) });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="enroll-heading">
      <h3 id="enroll-heading">{t('sync.enroll.heading')}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="enroll-office">{t('sync.enroll.officeCode')}</label>
          <input id="enroll-office" value={officeCode} autoComplete="off" onChange={(e) => setOfficeCode(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="enroll-code">{t('sync.enroll.code')}</label>
          <input id="enroll-code" value={code} autoComplete="off" spellCheck={false} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="enroll-name">{t('sync.enroll.workstationName')}</label>
          <input id="enroll-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('sync.enroll.submit')}
        </button>
      </div>
      <p role="status" aria-live="polite" className={message?.kind === 'error' ? 'message-error' : 'message-ok'}>
        {message?.text}
      </p>
    </form>
  );
}

function Progress({ status, rows, t }: { status: OutboxStatus; rows: readonly OutboxRow[]; t: Translate }) {
  if (!status.current || status.current.total === 0) return null;
  const number = rows.find((r) => r.caseId === status.current?.caseId)?.number ?? '';
  return <p role="status">{t('sync.progress', { number, percent: Math.floor((status.current.sent / status.current.total) * 100) })}</p>;
}

/** The "Invio" screen: connection, enrollment, and every case the outbox holds with its state and kept error. */
export function SyncScreen() {
  const t = useTranslation();
  const { store, clerk } = useSignedIn();
  const serviceUrl = useAppStore((s) => s.settings?.centralServiceUrl ?? '');
  const outbox = useSyncStore((s) => s.outbox);
  const status = useSyncStore((s) => s.status);
  const [rows, setRows] = useState<readonly OutboxRow[]>([]);
  const [credentials, setCredentials] = useState<WorkstationCredentials | null>(null);
  const [credentialsRevision, setCredentialsRevision] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  // Bumped by the bundle panel: export and import change rows without the outbox knowing.
  const [localRevision, setLocalRevision] = useState(0);
  const revision = (status?.revision ?? 0) + localRevision;

  useEffect(() => {
    let live = true;
    const load = () => void listOutboxRows(store.db).then((next) => live && setRows((shown) => keepUnchangedRows(shown, next)), () => undefined);
    load();
    // Other windows (and the wizard) queue cases too: read again now and then.
    const interval = setInterval(load, 3_000);
    return () => {
      live = false;
      clearInterval(interval);
    };
  }, [store, revision]);

  useEffect(() => {
    let live = true;
    void loadCredentials(store).then((found) => live && setCredentials(found), () => undefined);
    return () => {
      live = false;
    };
  }, [store, credentialsRevision, status?.connection]);

  const act = useCallback(
    async (action: () => Promise<void>) => {
      setActionError(null);
      try {
        await action();
      } catch (error) {
        setActionError(describeError(error, t));
      }
    },
    [t],
  );
  // Stable handlers, so a row's memo holds across the screen's re-renders.
  const resumeHere = useCallback(
    (caseId: string) =>
      void act(async () => {
        await resumeSendingHere(store, caseId, clerk.id, Date.now);
        setLocalRevision((n) => n + 1);
        await outbox?.syncNow();
      }),
    [act, store, clerk.id, outbox],
  );
  const sendBack = useCallback((caseId: string) => void act(async () => outbox?.sendBack(caseId, clerk.id)), [act, outbox, clerk.id]);

  const connection = status?.connection ?? 'checking';
  // Exported cases are another workstation's to send: they count apart, never as pending here.
  const sendingRows = rows.filter((r) => !isPausedByExport(r));
  const exportedCount = rows.length - sendingRows.length;
  const rollUp = listRollUp(sendingRows, connection);
  const pendingCount = sendingRows.filter((r) => r.state === 'queued' || r.state === 'sending' || r.state === 'sent').length;

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync.heading')}</h2>
      <div className="panel" aria-label={t('sync.heading')}>
        {serviceUrl && <p>{t('sync.service', { url: serviceUrl })}</p>}
        <p data-testid="sync-connection" className={connection === 'online' ? 'message-ok' : connection === 'checking' ? undefined : 'message-error'}>
          {t(CONNECTION_TEXT[connection])}
        </p>
        {status?.connectionFailure && (
          <p data-testid="sync-connection-failure">
            <FailureText failure={status.connectionFailure} t={t} />
          </p>
        )}
        {credentials && connection !== 'other-service' && <p>{t('sync.enroll.enrolledAs', { name: credentials.workstationName, office: credentials.officeCode })}</p>}
        <ClockSkewWarning skewMs={status?.clockSkewMs ?? null} t={t} />
        {(sendingRows.length > 0 || exportedCount === 0) && (
          <p data-testid="sync-rollup" className={rollUp === 'error' || rollUp === 'warning' ? 'message-error' : rollUp === 'synced' ? 'message-ok' : undefined}>
            {t(`sync.rollup.${rollUp}`, { count: pendingCount })}
          </p>
        )}
        {exportedCount > 0 && (
          <>
            <p data-testid="bundle-rollup" className="message-error">
              {t('bundle.rollup.exported', { count: exportedCount })}
            </p>
            <p className="hint">{t('bundle.resumeHint')}</p>
          </>
        )}
        {status && <Progress status={status} rows={rows} t={t} />}
        {status?.nextRunAt && pendingCount > 0 && <p className="hint">{t('sync.nextRun', { time: time(status.nextRunAt) })}</p>}
        <div className="actions">
          <button type="button" className="button-primary" disabled={!outbox} onClick={() => void act(async () => outbox?.syncNow())}>
            {t('sync.syncNow')}
          </button>
        </div>
        {actionError && (
          <p className="message-error" role="alert">
            {actionError}
          </p>
        )}
      </div>
      {NEEDS_ENROLLMENT.includes(connection) && (
        <EnrollmentForm
          key={credentialsRevision}
          credentials={credentials}
          onEnrolled={() => {
            setCredentialsRevision((n) => n + 1);
            void outbox?.syncNow();
          }}
        />
      )}
      <table className="data-table">
        <caption className="visually-hidden">{t('sync.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sync.table.number')}</th>
            <th scope="col">{t('sync.table.state')}</th>
            <th scope="col">{t('sync.table.attempts')}</th>
            <th scope="col">{t('sync.table.detail')}</th>
            <th scope="col">{t('sync.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5}>{t('sync.table.empty')}</td>
            </tr>
          )}
          {rows.map((row) => (
            <OutboxLine key={row.caseId} row={row} t={t} onResume={resumeHere} onSendBack={sendBack} />
          ))}
        </tbody>
      </table>
      <CaseBundlePanel credentials={credentials} revision={revision} onChanged={() => setLocalRevision((n) => n + 1)} />
    </section>
  );
}
