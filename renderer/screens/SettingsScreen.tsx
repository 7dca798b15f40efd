import { useState, type FormEvent } from 'react';
import type { Settings, SettingsField } from '../../shared/settings/settings';
import { IpcCallError } from '../../shared/ipc/result';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { useApi, useAppStore } from '../app/app-store';
import { describeError, useTranslation } from '../i18n/use-translation';

const TEXT_FIELDS: { field: Exclude<SettingsField, 'locale' | 'retentionDays' | 'autoLockMinutes'>; label: MessageKey }[] = [
  { field: 'officeCode', label: 'settings.officeCode' },
  { field: 'officeName', label: 'settings.officeName' },
  { field: 'officeAddress', label: 'settings.officeAddress' },
  { field: 'workstationName', label: 'settings.workstationName' },
  { field: 'workstationCode', label: 'settings.workstationCode' },
  { field: 'centralServiceUrl', label: 'settings.centralServiceUrl' },
  { field: 'scannerHotFolder', label: 'settings.scannerHotFolder' },
];
const NUMBER_FIELDS: { field: 'retentionDays' | 'autoLockMinutes'; label: MessageKey }[] = [
  { field: 'retentionDays', label: 'settings.retentionDays' },
  { field: 'autoLockMinutes', label: 'settings.autoLockMinutes' },
];
const FIELD_LABELS = Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS].map((f) => [f.field, f.label])) as Record<SettingsField, MessageKey>;

export function SettingsScreen() {
  const t = useTranslation();
  const api = useApi();
  const saved = useAppStore((s) => s.settings);
  const applySettings = useAppStore((s) => s.applySettings);
  const [draft, setDraft] = useState<Settings | null>(saved);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string; field?: SettingsField } | null>(null);
  if (!draft) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    try {
      applySettings(await api['settings:update'](draft));
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

  const invalid = (field: SettingsField) => (status?.kind === 'error' && status.field === field ? true : undefined);

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form className="panel" onSubmit={submit} noValidate>
        <div className="form-grid">
          {TEXT_FIELDS.map(({ field, label }) => (
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
          {NUMBER_FIELDS.map(({ field, label }) => (
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
