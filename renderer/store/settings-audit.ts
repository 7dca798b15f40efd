import type { Settings, SettingsField } from '../../shared/settings/settings';
import type { AuditLog } from './audit-log';

/** Each value keeps at most this many characters, so old and new fit the entry's 200-character detail. */
const VALUE_CHARS = 90;

const shown = (value: Settings[SettingsField]) => {
  const text = JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
};

/** One audit detail per changed setting: `<field>:<old>-><new>`, values as JSON (settings are never personal). */
export function settingsChanges(before: Settings, after: Settings): string[] {
  return (Object.keys(after) as SettingsField[]).filter((field) => before[field] !== after[field]).map((field) => `${field}:${shown(before[field])}->${shown(after[field])}`);
}

/** Records every changed setting in the audit chain under the clerk who changed it. */
export async function auditSettingsChanges(audit: AuditLog, clerkId: string, before: Settings, after: Settings): Promise<void> {
  for (const detail of settingsChanges(before, after)) await audit.record({ clerkId, action: 'settings', caseId: null, detail });
}
