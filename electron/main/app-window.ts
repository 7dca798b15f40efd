import type { BrowserWindow as BrowserWindowType, Session } from 'electron';
import { APP_ENTRY_URL } from './security/app-origin';
import { guardNavigation, denyWindowOpen } from './security/navigation';
import { checkPermission, decidePermission } from './security/permissions';
import { secureWebPreferences } from './security/web-preferences';
import { createCrashRecovery } from './crash-recovery';
import type { AppLog } from './logging/rotating-log';

export interface AppWindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  preloadPath: string;
  /** `!app.isPackaged`: DevTools exist in development builds only. */
  devTools: boolean;
  showFatalError: () => void;
  log: AppLog;
}

/** Session-wide guards: permissions (camera for the app origin only) and no downloads. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(decidePermission(permission, webContents.getURL(), details as { requestingUrl?: string; mediaTypes?: string[] }));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => checkPermission(permission, requestingOrigin));
  session.on('will-download', (event) => event.preventDefault());
}

export function createAppWindow(deps: AppWindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Sportello Abilitazioni',
    webPreferences: secureWebPreferences(deps.preloadPath, { devTools: deps.devTools }),
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => guardNavigation(event, url));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // With devTools off Chromium should never open them; if any path still does, close them at once.
  contents.on('devtools-opened', () => {
    if (!deps.devTools) contents.closeDevTools();
  });
  contents.setWindowOpenHandler(() => denyWindowOpen());
  const recover = createCrashRecovery({ reload: () => void win.loadURL(APP_ENTRY_URL), giveUp: deps.showFatalError });
  contents.on('render-process-gone', (_event, details) => {
    const outcome = recover(details.reason);
    deps.log.write({ level: 'error', event: 'renderer.gone', context: { reason: details.reason, status: outcome } });
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
