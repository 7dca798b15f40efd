import type { IpcHandlers } from '../../shared/ipc/contract';
import type { SettingsStore } from './settings/settings-store';
import type { AppLog } from './logging/rotating-log';
import type { HotFolder } from './hot-folder/hot-folder';
import type { DraftFolder } from './documents/draft-folder';
import type { CaseBundleFile } from './documents/case-bundle-file';
import type { DiagnosticsFolder } from './diagnostics/diagnostics-folder';
import type { CentralDiagnosis } from '../../shared/central-api/transport-diagnosis';
import type { AccountGuard } from './accounts/account-guard';

export interface IpcHandlerDeps {
  version: string;
  platform: string;
  electronVersion: string;
  chromeVersion: string;
  userDataPath: string;
  settings: SettingsStore;
  log: AppLog;
  dataKey: () => Promise<string>;
  hotFolder: HotFolder;
  drafts: DraftFolder;
  caseBundles: CaseBundleFile;
  diagnostics: DiagnosticsFolder;
  /** `diagnoseCentralService` bound to the configured URL and this runtime's network stack. */
  diagnoseCentral: () => Promise<CentralDiagnosis>;
  /** Sealed clerk accounts and main's own record of who is signed in. */
  accounts: AccountGuard;
  /** A folder dialog shown by main (dev web mode: the answer a browser test set); null when cancelled. */
  chooseHotFolder: () => Promise<string | null>;
}

/** The clerk's own preferences; every other setting belongs to the workstation and is admin only. */
const PERSONAL_SETTINGS: ReadonlySet<string> = new Set(['locale']);

/** The main-process side of every contract channel. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  return {
    'app:info': async () => ({
      version: deps.version,
      runtime: 'electron',
      platform: deps.platform,
      electronVersion: deps.electronVersion,
      chromeVersion: deps.chromeVersion,
      userDataPath: deps.userDataPath,
    }),
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => {
      if (Object.keys(patch).some((field) => !PERSONAL_SETTINGS.has(field))) deps.accounts.requireAdmin();
      return deps.settings.update(patch);
    },
    'hotFolder:choose': async () => {
      deps.accounts.requireAdmin();
      const folder = await deps.chooseHotFolder();
      if (folder === null) return { chosen: false, settings: await deps.settings.get() };
      return { chosen: true, settings: await deps.settings.update({ scannerHotFolder: folder }) };
    },
    'accounts:open': ({ storeId, clerks }) => deps.accounts.open(storeId, clerks),
    'accounts:seal': ({ storeId, clerk }) => deps.accounts.seal(storeId, clerk),
    'accounts:signIn': ({ storeId, clerk, password }) => deps.accounts.signIn(storeId, clerk, password),
    'accounts:signOut': async () => {
      deps.accounts.signOut();
      return null;
    },
    'log:write': async (entry) => {
      deps.log.write(entry);
      return null;
    },
    'dataKey:get': async () => ({ keyBase64: await deps.dataKey(), protection: 'os-keychain' }),
    'hotFolder:pending': async () => {
      const { files, refused } = deps.hotFolder.pending();
      return {
        files: files.map((f) => ({ id: f.id, name: f.name, sizeBytes: f.sizeBytes, dataBase64: Buffer.from(f.data).toString('base64') })),
        refused,
      };
    },
    'hotFolder:acknowledge': async ({ id }) => {
      await deps.hotFolder.acknowledge(id);
      return null;
    },
    'document:openDraft': ({ kind, fileName, dataBase64 }) =>
      deps.drafts.writeAndOpen({ kind, fileName, data: new Uint8Array(Buffer.from(dataBase64, 'base64')) }),
    'caseBundle:save': ({ fileName, dataBase64 }) => deps.caseBundles.save({ fileName, data: new Uint8Array(Buffer.from(dataBase64, 'base64')) }),
    'diagnostics:export': (report) => deps.diagnostics.save(report),
    'central:diagnose': () => deps.diagnoseCentral(),
  };
}
