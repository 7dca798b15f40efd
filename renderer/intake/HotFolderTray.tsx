import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../shared/ipc/contract';
import { ScanRole } from '../../shared/case/case';
import { useApi } from '../app/app-store';
import { useTranslation } from '../i18n/use-translation';
import { NoticeLine } from './NoticeLine';
import { useIntake } from './intake-session';
import { useTrayRecognition } from './use-tray-recognition';

type Pending = IpcResponse<'hotFolder:pending'>;
const POLL_MS = 1500;
const REFUSAL_TEXT = { empty: 'intake.scan.hotFolderEmpty', 'too-large': 'intake.scan.hotFolderTooLarge', unsupported: 'intake.scan.hotFolderUnsupported' } as const;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Files the main process found in the scanner's hot folder. A signed prefilled form finds its case
 * by itself; for any other file the clerk says which page it is. The original leaves the folder
 * only once a case holds it encrypted.
 */
export function HotFolderTray() {
  const t = useTranslation();
  const api = useApi();
  const attachFile = useIntake((s) => s.attachFile);
  const [pending, setPending] = useState<Pending>({ files: [], refused: [] });

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api['hotFolder:pending']();
        if (!stopped) setPending(next);
      } catch {
        // The next poll tries again; a failed poll loses nothing.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api]);

  async function assign(file: Pending['files'][number], role: ScanRole) {
    const kept = await attachFile(role, file.name, decodeBase64(file.dataBase64));
    if (kept) await api['hotFolder:acknowledge']({ id: file.id });
    setPending(await api['hotFolder:pending']());
  }

  async function dismiss(id: string) {
    await api['hotFolder:acknowledge']({ id });
    setPending(await api['hotFolder:pending']());
  }

  const removeKept = useCallback(
    async (id: string) => {
      await api['hotFolder:acknowledge']({ id });
      setPending(await api['hotFolder:pending']());
    },
    [api],
  );
  const recognition = useTrayRecognition(pending.files, decodeBase64, removeKept);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  return (
    <section className="panel hot-folder" aria-labelledby="tray-heading">
      <h4 id="tray-heading">{t('intake.capture.tray')}</h4>
      <NoticeLine place="tray" />
      {pending.files.length === 0 && pending.refused.length === 0 && <p className="hint">{t('intake.capture.trayEmpty')}</p>}
      <ul className="tray-list">
        {pending.files.map((file) => {
          const state = recognition[file.id] ?? 'searching';
          if (state === 'searching') return <li key={file.id}>{t('walkIn.scan.reading', { name: file.name })}</li>;
          if (state === 'refused') {
            if (hidden.has(file.id)) return null;
            return (
              <li key={file.id}>
                {t('walkIn.scan.keptInFolder', { name: file.name })}{' '}
                <button type="button" onClick={() => setHidden(new Set([...hidden, file.id]))}>
                  {t('intake.capture.dismiss')}
                </button>
              </li>
            );
          }
          return (
            <li key={file.id}>
              <span id={`tray-${file.id}`}>{t('intake.capture.assignTo', { name: file.name })}</span>
              <span className="actions" role="group" aria-labelledby={`tray-${file.id}`}>
                {ScanRole.options.map((role) => (
                  <button type="button" key={role} onClick={() => void assign(file, role)}>
                    {t(`intake.role.${role}`)}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
        {pending.refused.map((file) => (
          <li key={file.id} className="message-error" role="alert">
            {t('intake.capture.trayRefused', { name: file.name, message: t(REFUSAL_TEXT[file.reason]) })}{' '}
            <button type="button" onClick={() => void dismiss(file.id)}>
              {t('intake.capture.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
