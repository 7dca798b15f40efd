import { Settings, SettingsPatch, defaultSettings, validateSettings, type SettingsProblem, type SettingsProblemReason } from '../../../shared/settings/settings';
import { IpcHandlerError } from '../ipc/register-handlers';

export interface SettingsStoreDeps {
  load: () => Promise<string | null>;
  /** Must replace the file atomically (write a temporary file, then rename). */
  save: (json: string) => Promise<void>;
  /** Why a folder may not be the scanner hot folder (missing, protected, a link), or null: `checkHotFolderOnDisk`. */
  checkHotFolder: (folder: string) => Promise<SettingsProblemReason | null>;
}

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * Settings live in the main process. A write is validated whole; when any field is refused nothing
 * is written and the previous valid settings stay.
 */
export function createSettingsStore(deps: SettingsStoreDeps): SettingsStore {
  let current: Settings | null = null;

  async function get(): Promise<Settings> {
    if (current) return current;
    const raw = await deps.load();
    let loaded: Settings = defaultSettings;
    if (raw) {
      try {
        const parsed = Settings.partial().safeParse(JSON.parse(raw));
        if (parsed.success) {
          const merged = { ...defaultSettings, ...parsed.data };
          // A hot folder written into the file by hand is held to the same rules as one chosen in the app.
          if (merged.scannerHotFolder !== '' && (await deps.checkHotFolder(merged.scannerHotFolder))) merged.scannerHotFolder = '';
          if (validateSettings(merged).length === 0) loaded = merged;
        }
      } catch {
        // A damaged settings file falls back to defaults; the clerk is asked to configure again.
      }
    }
    current = loaded;
    return loaded;
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    const candidate = { ...(await get()), ...SettingsPatch.parse(patch) };
    const problems: SettingsProblem[] = validateSettings(candidate);
    const folderProblem = candidate.scannerHotFolder === '' ? null : await deps.checkHotFolder(candidate.scannerHotFolder);
    if (folderProblem) problems.push({ field: 'scannerHotFolder', reason: folderProblem });
    if (problems.length > 0) {
      const [first] = problems;
      throw new IpcHandlerError('settings-invalid', first.reason, { field: first.field, count: problems.length });
    }
    await deps.save(JSON.stringify(candidate, null, 2));
    current = candidate;
    return candidate;
  }

  return { get, update };
}
