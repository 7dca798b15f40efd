import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Only an unpackaged (development) build may open DevTools: pass `!app.isPackaged`. */
  devTools: boolean;
}

/** The only web preferences a window of this app is created with (Electron security checklist 2–4, 6, 8, 9). */
export function secureWebPreferences(preloadPath: string, options: WebPreferencesOptions): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: undefined,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}
