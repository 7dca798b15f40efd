import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import type * as Electron from 'electron';
import { buildContentSecurityPolicy, originOf } from '../../shared/security/csp';
import { APP_SCHEME } from './security/app-origin';
import { createAppProtocolHandler } from './security/app-protocol';
import { registerIpcHandlers } from './ipc/register-handlers';
import { createIpcHandlers } from './ipc-handlers';
import { createSettingsStore } from './settings/settings-store';
import { createRotatingLog } from './logging/rotating-log';
import { loadOrCreateDataKey } from './keys/data-key';
import { createAppWindow, hardenSession } from './app-window';
import { applicationMenuTemplate } from './app-menu';
import { nodeDiagnosticsFileSystem, nodeDraftFileSystem, nodeHotFolderFileSystem, nodeLogFileSystem, writeFileAtomic } from './node-files';
import { createHotFolder } from './hot-folder/hot-folder';
import { createDraftFolder, DRAFT_MAX_AGE_MS } from './documents/draft-folder';
import { createCaseBundleFile } from './documents/case-bundle-file';
import { BUNDLE_EXTENSION } from '../../shared/case-bundle/envelope';
import { createDiagnosticsFolder } from './diagnostics/diagnostics-folder';
import { diagnoseCentralService } from './central-service/central-diagnosis';
import { createCertificateErrors } from './central-service/certificate-errors';
import { createAccountGuard } from './accounts/account-guard';
import { checkHotFolderOnDisk, systemFolders } from './hot-folder/hot-folder-path';

const HOT_FOLDER_POLL_MS = 1000;

export type ElectronModules = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'safeStorage' | 'dialog' | 'net' | 'Menu'
>;

export interface MainPaths {
  /** Folder with the built renderer (index.html and assets). */
  rendererRoot: string;
  preloadPath: string;
  /** The clerk guide the Help menu opens (docs/guida-sportello.md, unpacked beside app.asar). */
  guidePath: string;
}

/** Wires the main process. Everything it calls is a small tested module; this is only composition. */
export function startMainProcess(electron: ElectronModules, paths: MainPaths): void {
  const { app, BrowserWindow, ipcMain, protocol, session, shell, safeStorage, dialog, net, Menu } = electron;

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: Electron.BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Chromium refuses a bad certificate as without a listener; the error is kept so the outbox can say so.
  const certificateErrors = createCertificateErrors();
  app.on('certificate-error', (_event, _contents, url, error, _certificate, callback) => {
    certificateErrors.record(url, error);
    callback(false);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    const userData = app.getPath('userData');
    const logFile = path.join(userData, 'logs', 'sportello.log');
    const log = createRotatingLog({
      file: logFile,
      maxBytes: 1_000_000,
      maxFiles: 5,
      fs: nodeLogFileSystem(),
    });
    const settingsFile = path.join(userData, 'settings.json');
    const keyFile = path.join(userData, 'data-key.bin');
    const hotFolderLimits = {
      platform: process.platform,
      protectedTrees: [userData, path.dirname(keyFile), path.dirname(app.getPath('exe'))],
      profileRoots: [app.getPath('home')],
      systemTrees: systemFolders(process.platform, process.env),
    };
    const settings = createSettingsStore({
      load: () => fsp.readFile(settingsFile, 'utf8').catch(() => null),
      save: (json) => writeFileAtomic(settingsFile, json),
      checkHotFolder: (folder) => checkHotFolderOnDisk(folder, hotFolderLimits),
    });
    // Which accounts main sealed, and the seal key: wrapped by the OS keychain like the data key.
    const accountsFile = path.join(userData, 'accounts.bin');
    const accounts = createAccountGuard({
      load: () =>
        fsp.readFile(accountsFile).then(
          (wrapped) => safeStorage.decryptString(wrapped),
          () => null,
        ),
      save: (json) => writeFileAtomic(accountsFile, safeStorage.encryptString(json)),
      randomBytes: (size) => crypto.randomBytes(size),
    });

    let centralOrigin: string | null = null;
    let hotFolderPath = '';
    void settings.get().then((s) => {
      centralOrigin = originOf(s.centralServiceUrl);
      hotFolderPath = s.scannerHotFolder;
    });
    const hotFolder = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => hotFolderPath });
    setInterval(() => void hotFolder.scan(), HOT_FOLDER_POLL_MS).unref();
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        root: paths.rendererRoot,
        readFile: (file) => fsp.readFile(file),
        contentSecurityPolicy: () => buildContentSecurityPolicy({ centralServiceOrigin: centralOrigin }),
      }),
    );

    const handlers = createIpcHandlers({
      version: app.getVersion(),
      platform: process.platform,
      electronVersion: process.versions.electron ?? '',
      chromeVersion: process.versions.chrome ?? '',
      userDataPath: userData,
      settings: {
        get: settings.get,
        update: async (patch) => {
          const updated = await settings.update(patch);
          centralOrigin = originOf(updated.centralServiceUrl);
          hotFolderPath = updated.scannerHotFolder;
          return updated;
        },
      },
      accounts,
      chooseHotFolder: async () => {
        const options = { title: 'Cartella dello scanner', properties: ['openDirectory' as const, 'dontAddToRecent' as const] };
        const choice = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
        return choice.canceled || choice.filePaths.length !== 1 ? null : choice.filePaths[0];
      },
      log,
      hotFolder,
      drafts: createDraftFolder({
        folder: path.join(userData, 'drafts'),
        fs: nodeDraftFileSystem(),
        openPath: (file) => shell.openPath(file),
        randomId: () => crypto.randomBytes(4).toString('hex'),
        now: Date.now,
        maxAgeMs: DRAFT_MAX_AGE_MS,
      }),
      diagnostics: createDiagnosticsFolder({
        folder: path.join(userData, 'diagnostica'),
        logFile,
        fs: nodeDiagnosticsFileSystem(),
        reveal: (file) => {
          shell.showItemInFolder(file);
          return true;
        },
        now: () => new Date(),
      }),
      diagnoseCentral: () =>
        diagnoseCentralService({
          serviceUrl: async () => (await settings.get()).centralServiceUrl,
          fetch: (url, init) => net.fetch(url, init),
          certificateError: certificateErrors.lastFor,
        }),
      caseBundles: createCaseBundleFile({
        chooseTarget: async (suggestedName) => {
          const options = {
            title: 'Salva il pacchetto delle pratiche',
            defaultPath: path.join(app.getPath('documents'), suggestedName),
            filters: [{ name: 'Pacchetto Sportello', extensions: [BUNDLE_EXTENSION] }],
          };
          const choice = await (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options));
          return choice.canceled || !choice.filePath ? null : choice.filePath;
        },
        write: writeFileAtomic,
      }),
      dataKey: () =>
        loadOrCreateDataKey({
          platform: process.platform,
          safeStorage,
          readWrappedKey: () => fsp.readFile(keyFile).catch(() => null),
          writeWrappedKey: (wrapped) => writeFileAtomic(keyFile, wrapped),
          randomBytes: (size) => crypto.randomBytes(size),
        }),
    });
    registerIpcHandlers(ipcMain, handlers);
    hardenSession(session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ openGuide: () => void shell.openPath(paths.guidePath) })));

    mainWindow = createAppWindow({
      BrowserWindow,
      preloadPath: paths.preloadPath,
      devTools: !app.isPackaged,
      showFatalError: () =>
        dialog.showErrorBox(
          'Sportello Abilitazioni',
          "L'interfaccia si è chiusa più volte di seguito. Le pratiche sono salvate: riavviare l'applicazione e, se accade ancora, contattare l'assistenza informatica.",
        ),
      log,
    });
    log.write({ level: 'info', event: 'app.started', context: { version: app.getVersion() } });
  });
}
