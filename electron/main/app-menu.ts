import type { MenuItemConstructorOptions } from 'electron';

/**
 * Menu roles that reach DevTools or reload the page (a reload drops the signed-in state in front of
 * whoever presses it). Electron's default menu has all of them; ours has none, in any build.
 */
export const DEVELOPER_ROLES: ReadonlySet<string> = new Set(['toggleDevTools', 'reload', 'forceReload', 'viewMenu', 'appMenu']);

export interface AppMenuOptions {
  /** Opens the clerk guide (docs/guida-sportello.md) with the system's default program. */
  openGuide: () => void;
}

/**
 * The application menu that replaces Electron's default one: Italian, edit/zoom/window items and
 * the guide, and no developer entry (no View › Toggle Developer Tools, no Ctrl+Shift+I, no reload).
 */
export function applicationMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  return [
    {
      label: 'File',
      submenu: [{ role: 'quit', label: 'Esci' }],
    },
    {
      label: 'Modifica',
      submenu: [
        { role: 'undo', label: 'Annulla' },
        { role: 'redo', label: 'Ripeti' },
        { type: 'separator' },
        { role: 'cut', label: 'Taglia' },
        { role: 'copy', label: 'Copia' },
        { role: 'paste', label: 'Incolla' },
        { role: 'selectAll', label: 'Seleziona tutto' },
      ],
    },
    {
      label: 'Visualizza',
      submenu: [
        { role: 'resetZoom', label: 'Dimensione reale' },
        { role: 'zoomIn', label: 'Ingrandisci' },
        { role: 'zoomOut', label: 'Riduci' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Schermo intero' },
      ],
    },
    {
      label: 'Finestra',
      submenu: [
        { role: 'minimize', label: 'Riduci a icona' },
        { role: 'close', label: 'Chiudi' },
      ],
    },
    {
      label: 'Aiuto',
      submenu: [{ label: 'Guida per lo sportello', accelerator: 'F1', click: () => options.openGuide() }],
    },
  ];
}
