import { z } from 'zod';

/** Office and workstation settings, owned by the main process and validated on every write. */
export const Locale = z.enum(['it', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Settings = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  officeAddress: z.string(),
  workstationName: z.string(),
  /** Short code of this workstation in case numbers (RM01-P2-…); needed when an office has several. */
  workstationCode: z.string(),
  centralServiceUrl: z.string(),
  scannerHotFolder: z.string(),
  retentionDays: z.number(),
  autoLockMinutes: z.number(),
  locale: Locale,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const defaultSettings: Settings = {
  officeCode: '',
  officeName: '',
  officeAddress: '',
  workstationName: '',
  workstationCode: '',
  centralServiceUrl: '',
  scannerHotFolder: '',
  retentionDays: 30,
  autoLockMinutes: 5,
  locale: 'it',
};

export type SettingsField = keyof Settings;

/** A refused field: its name and the i18n key of the reason. */
export interface SettingsProblem {
  field: SettingsField;
  reason: SettingsProblemReason;
}
export type SettingsProblemReason =
  | 'settings.error.officeCode'
  | 'settings.error.workstationName'
  | 'settings.error.workstationCode'
  | 'settings.error.centralServiceUrl'
  | 'settings.error.centralServiceInsecure'
  | 'settings.error.scannerHotFolder'
  | 'settings.error.scannerHotFolderProtected'
  | 'settings.error.scannerHotFolderLink'
  | 'settings.error.retentionDays'
  | 'settings.error.autoLockMinutes'
  | 'settings.error.text';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain HTTP is only acceptable to a service on this machine; anything else must be TLS. */
export function checkCentralServiceUrl(value: string): SettingsProblemReason | null {
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'settings.error.centralServiceUrl';
  }
  if (url.username || url.password || url.search || url.hash) return 'settings.error.centralServiceUrl';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname) ? null : 'settings.error.centralServiceInsecure';
  return 'settings.error.centralServiceUrl';
}

/**
 * Validates a whole settings object. Folder existence is checked by the caller (main process),
 * which alone can see the file system.
 */
export function validateSettings(candidate: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (candidate.officeCode !== '' && !/^[A-Z0-9]{2,12}$/.test(candidate.officeCode)) {
    problems.push({ field: 'officeCode', reason: 'settings.error.officeCode' });
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (candidate.workstationName.length > 64 || /[\u0000-\u001f]/.test(candidate.workstationName)) {
    problems.push({ field: 'workstationName', reason: 'settings.error.workstationName' });
  }
  if (candidate.workstationCode !== '' && !/^[A-Z0-9]{1,3}$/.test(candidate.workstationCode)) {
    problems.push({ field: 'workstationCode', reason: 'settings.error.workstationCode' });
  }
  const urlProblem = checkCentralServiceUrl(candidate.centralServiceUrl);
  if (urlProblem) problems.push({ field: 'centralServiceUrl', reason: urlProblem });
  if (!Number.isInteger(candidate.retentionDays) || candidate.retentionDays < 0 || candidate.retentionDays > 3650) {
    problems.push({ field: 'retentionDays', reason: 'settings.error.retentionDays' });
  }
  if (!Number.isInteger(candidate.autoLockMinutes) || candidate.autoLockMinutes < 1 || candidate.autoLockMinutes > 240) {
    problems.push({ field: 'autoLockMinutes', reason: 'settings.error.autoLockMinutes' });
  }
  for (const field of ['officeName', 'officeAddress'] as const) {
    if (candidate[field].length > 200) problems.push({ field, reason: 'settings.error.text' });
  }
  return problems;
}
