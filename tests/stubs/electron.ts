/**
 * Stand-in for the `electron` module in unit tests. It records what the main process registers
 * (IPC handlers, protocol handlers, app and window listeners, window options) so wiring tests can
 * assert it, and never downloads or starts the real binary.
 */
type Listener = (...args: unknown[]) => unknown;

export const recorded = {
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  appListeners: new Map<string, Listener[]>(),
  windows: [] as FakeBrowserWindow[],
  sandboxEnabled: false,
  singleInstanceRequested: false,
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  sessionListeners: new Map<string, Listener[]>(),
  openedExternal: [] as string[],
  quitCalled: false,
  singleInstanceLock: true,
  storageBackend: 'gnome_libsecret',
  applicationMenu: null as unknown[] | null,
  openedPaths: [] as string[],
  isPackaged: true,
  /** What the next folder dialog answers (null: cancelled). */
  nextFolderChoice: null as string | null,
};

export function resetRecorded(): void {
  recorded.ipcHandlers.clear();
  recorded.protocolHandlers.clear();
  recorded.privilegedSchemes = [];
  recorded.appListeners.clear();
  recorded.windows = [];
  recorded.sandboxEnabled = false;
  recorded.singleInstanceRequested = false;
  recorded.permissionRequestHandler = null;
  recorded.permissionCheckHandler = null;
  recorded.sessionListeners.clear();
  recorded.openedExternal = [];
  recorded.quitCalled = false;
  recorded.singleInstanceLock = true;
  recorded.applicationMenu = null;
  recorded.openedPaths = [];
  recorded.isPackaged = true;
  recorded.nextFolderChoice = null;
}

function addListener(map: Map<string, Listener[]>, name: string, listener: Listener): void {
  map.set(name, [...(map.get(name) ?? []), listener]);
}

class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: Listener | null = null;
  url = '';
  devToolsClosed = 0;
  closeDevTools() {
    this.devToolsClosed += 1;
  }
  on(name: string, listener: Listener) {
    addListener(this.listeners, name, listener);
    return this;
  }
  emit(name: string, ...args: unknown[]) {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.url;
  }
}

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    recorded.windows.push(this);
  }
  loadURL(url: string) {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  once() {
    return this;
  }
  on() {
    return this;
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const app = {
  enableSandbox() {
    recorded.sandboxEnabled = true;
  },
  requestSingleInstanceLock() {
    recorded.singleInstanceRequested = true;
    return recorded.singleInstanceLock;
  },
  quit() {
    recorded.quitCalled = true;
  },
  on(name: string, listener: Listener) {
    addListener(recorded.appListeners, name, listener);
    return app;
  },
  whenReady() {
    return Promise.resolve();
  },
  getPath(name?: string) {
    if (name === 'exe') return '/opt/sportello-stub/sportello';
    if (name === 'home') return '/home/sportello-stub';
    return process.env.SPORTELLO_STUB_USER_DATA ?? '/tmp/sportello-stub-user-data';
  },
  getVersion() {
    return '0.0.0-test';
  },
  get isPackaged() {
    return recorded.isPackaged;
  },
};

/** `Menu.buildFromTemplate` returns the template itself, so tests read the menu main installed. */
export const Menu = {
  buildFromTemplate(template: unknown[]) {
    return template;
  },
  setApplicationMenu(menu: unknown[] | null) {
    recorded.applicationMenu = menu;
  },
};

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener) {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      recorded.permissionCheckHandler = handler;
    },
    on(name: string, listener: Listener) {
      addListener(recorded.sessionListeners, name, listener);
    },
  },
};

export const shell = {
  async openExternal(url: string) {
    recorded.openedExternal.push(url);
  },
  async openPath(file: string) {
    recorded.openedPaths.push(file);
    return '';
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => recorded.storageBackend,
  encryptString: (plain: string) => Buffer.from(`wrapped:${plain}`),
  decryptString: (wrapped: Buffer) => wrapped.toString().replace(/^wrapped:/, ''),
};

/** `net.fetch` goes through Node's fetch: main's requests in wiring tests stay on loopback test servers. */
export const net = {
  fetch: (url: string, init?: RequestInit) => fetch(url, init),
};

export const dialog = {
  showErrorBox() {},
  async showOpenDialog() {
    const folder = recorded.nextFolderChoice;
    return { canceled: folder === null, filePaths: folder === null ? [] : [folder] };
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invocations: [] as { channel: string; payload: unknown }[],
  async invoke(channel: string, payload: unknown) {
    ipcRenderer.invocations.push({ channel, payload });
    return { ok: true, value: null };
  },
};
