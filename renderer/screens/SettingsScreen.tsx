import { useState, type FormEvent } from 'react';
import type { Settings, SettingsField } from '../../shared/settings/settings';
import { IpcCallError } from '../../shared/ipc/result';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { useApi, useAppStore } from '../app/app-store';
import { describeError, useTranslation } from '../i18n/use-translation';
import { useSignedIn } from '../store/session';
import { auditSettingsChanges } from '../store/settings-audit';

type TextField = Exclude<SettingsField, 'locale' | 'retentionDays' | 'autoLockMinutes' | 'scannerHotFolder'>;
const TEXT_FIELDS: { field: TextField; label: MessageKey }[] = [
  { field: 'officeCode', label: 'settings.officeCode' },
  { field: 'officeName', label: 'settings.officeName' },
  { field: 'officeAddress', label: 'settings.officeAddress' },
  { field: 'workstationName', label: 'settings.workstationName' },
  { field: 'workstationCode', label: 'settings.workstationCode' },
  { field: 'centralServiceUrl', label: 'settings.centralServiceUrl' },
];
const NUMBER_FIELDS: { field: 'retentionDays' | 'autoLockMinutes'; label: MessageKey }[] = [
  { field: 'retentionDays', label: 'settings.retentionDays' },
  { field: 'autoLockMinutes', label: 'settings.autoLockMinutes' },
];
const FIELD_LABELS = Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS, { field: 'scannerHotFolder', label: 'settings.scannerHotFolder' }].map((f) => [f.field, f.label])) as Record<SettingsField, MessageKey>;

/**
 * Workstation settings for an administrator (main refuses them to anyone else; each change is an
 * audit entry with the old and new value); a clerk sees only the own language. The scanner folder
 * is chosen in main's folder dialog: the page never names a path.
 */
export function SettingsScreen() {
  const t = useTranslation();
  const api = useApi();
  const { store, clerk } = useSignedIn();
  const saved = useAppStore((s) => s.settings);
  const applySettings = useAppStore((s) => s.applySettings);
  const [draft, setDraft] = useState<Settings | null>(saved);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string; field?: SettingsField } | null>(null);
  if (!draft || !saved) return null;
  const isAdmin = clerk.role === 'admin';

  async function apply(change: () => Promise<Settings | null>) {
    if (!saved) return;
    try {
      const updated = await change();
      if (!updated) return;
      await auditSettingsChanges(store.audit, clerk.id, saved, updated);
      applySettings(updated);
      setDraft((current) => (current ? { ...current, scannerHotFolder: updated.scannerHotFolder } : updated));
      setStatus({ kind: 'ok', text: t('settings.saved') });
    } catch (error) {
      const field = error instanceof IpcCallError ? (error.error.details?.field as SettingsField | undefined) : undefined;
      const message = describeError(error, t);
      setStatus({
        kind: 'error',
        field,
        text: field ? t('settings.error.field', { field: t(FIELD_LABELS[field] ?? 'settings.locale'), message }) : message,
      });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    // Every field but the scanner folder, which is chosen in main's dialog.
    const { officeCode, officeName, officeAddress, workstationName, workstationCode, centralServiceUrl, retentionDays, autoLockMinutes, locale } = draft;
    const fields = { officeCode, officeName, officeAddress, workstationName, workstationCode, centralServiceUrl, retentionDays, autoLockMinutes, locale };
    void apply(() => api['settings:update'](isAdmin ? fields : { locale }));
  }

  const chooseHotFolder = () => apply(async () => {
    const { chosen, settings } = await api['hotFolder:choose']();
    return chosen ? settings : null;
  });
  const clearHotFolder = () => apply(() => api['settings:update']({ scannerHotFolder: '' }));
  const invalid = (field: SettingsField) => (status?.kind === 'error' && status.field === field ? true : undefined);

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form className="panel" onSubmit={submit} noValidate>
        {!isAdmin && <p>{t('settings.adminOnly')}</p>}
        <div className="form-grid">
          {isAdmin &&
            TEXT_FIELDS.map(({ field, label }) => (
              <div className="field" key={field}>
                <label htmlFor={`settings-${field}`}>{t(label)}</label>
                <input
                  id={`settings-${field}`}
                  value={draft[field]}
                  aria-invalid={invalid(field)}
                  aria-describedby={invalid(field) ? 'settings-status' : undefined}
                  onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                />
              </div>
            ))}
          {isAdmin && (
            <div className="field" role="group" aria-labelledby="settings-scannerHotFolder-label">
              <span id="settings-scannerHotFolder-label">{t('settings.scannerHotFolder')}</span>
              <p className={invalid('scannerHotFolder') ? 'message-error' : undefined} data-testid="settings-hot-folder">
                {saved.scannerHotFolder || t('settings.hotFolderNone')}
              </p>
              <div className="actions">
                <button type="button" className="button-secondary" onClick={() => void chooseHotFolder()}>
                  {t('settings.chooseHotFolder')}
                </button>
                {saved.scannerHotFolder && (
                  <button type="button" className="button-secondary" onClick={() => void clearHotFolder()}>
                    {t('settings.clearHotFolder')}
                  </button>
                )}
              </div>
            </div>
          )}
          {isAdmin &&
            NUMBER_FIELDS.map(({ field, label }) => (
              <div className="field" key={field}>
                <label htmlFor={`settings-${field}`}>{t(label)}</label>
                <input
                  id={`settings-${field}`}
                  type="number"
                  inputMode="numeric"
                  value={Number.isNaN(draft[field]) ? '' : draft[field]}
                  aria-invalid={invalid(field)}
                  aria-describedby={invalid(field) ? 'settings-status' : undefined}
                  onChange={(e) => setDraft({ ...draft, [field]: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                />
              </div>
            ))}
          <div className="field">
            <label htmlFor="settings-locale">{t('settings.locale')}</label>
            <select id="settings-locale" value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.target.value as Settings['locale'] })}>
              <option value="it">{t('locale.it')}</option>
              <option value="en">{t('locale.en')}</option>
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">
            {t('settings.save')}
          </button>
        </div>
        <p id="settings-status" role="status" aria-live="polite" className={status?.kind === 'error' ? 'message-error' : 'message-ok'}>
          {status?.text}
        </p>
      </form>
    </section>
  );
}
