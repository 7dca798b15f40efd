import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as electronStub from 'electron';
import { startMainProcess, type ElectronModules } from '../../../electron/main/main-process';
import { ipcChannels } from '../../../shared/ipc/contract';

const stub = electronStub as unknown as typeof import('../../stubs/electron');
const { recorded } = stub;

type Invoke = (channel: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

function trustedInvoke(): Invoke {
  const sender = { senderFrame: { url: 'app://sportello/index.html', parent: null } };
  return (channel, payload) => recorded.ipcHandlers.get(channel)!(sender, payload) as ReturnType<Invoke>;
}

/** Creates the first administrator of a new store through main's accounts channels: main's session is then that administrator. */
async function signInFirstAdmin(invoke: Invoke): Promise<void> {
  const clerk = { id: 'admin-1', username: 'admin.rm01', displayName: 'Admin', role: 'admin', active: true, password: { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'AA==', hash: 'AA==' }, createdAt: 0 };
  expect(await invoke('accounts:seal', { storeId: '0'.repeat(32), clerk })).toMatchObject({ ok: true });
}

async function start(): Promise<void> {
  startMainProcess(electronStub as unknown as ElectronModules, { rendererRoot: '/opt/sportello/renderer', preloadPath: '/opt/sportello/preload.cjs', guidePath: '/opt/sportello/guida/guida-sportello.md' });
  await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('main process wiring', () => {
  beforeEach(() => {
    stub.resetRecorded();
    process.env.SPORTELLO_STUB_USER_DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-main-'));
  });

  it('enables the sandbox, takes the single-instance lock and registers app:// as a secure standard scheme', async () => {
    await start();
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.singleInstanceRequested).toBe(true);
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    expect([...recorded.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('quits when another instance holds the lock', async () => {
    recorded.singleInstanceLock = false;
    await start();
    expect(recorded.quitCalled).toBe(true);
    expect(recorded.windows).toHaveLength(0);
    expect(recorded.ipcHandlers.size).toBe(0);
  });

  it('registers one handler per contract channel', async () => {
    await start();
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('opens one hardened window on the app origin with every guard attached', async () => {
    await start();
    expect(recorded.windows).toHaveLength(1);
    const [win] = recorded.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/opt/sportello/preload.cjs' });
    expect(win.loadedUrls).toEqual(['app://sportello/index.html']);
    for (const event of ['will-navigate', 'will-redirect', 'render-process-gone', 'will-attach-webview']) {
      expect(win.webContents.listeners.has(event), event).toBe(true);
    }
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://www.inail.it/' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternal).toEqual([]);
  });

  it('packaged: no DevTools, DevTools closed if they open anyway, and our own menu without developer items', async () => {
    await start();
    const [win] = recorded.windows;
    expect(win.options.webPreferences).toMatchObject({ devTools: false });
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBe(1);
    const menu = recorded.applicationMenu as { label: string; submenu: { role?: string; label?: string; click?: () => void }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Finestra', 'Aiuto']);
    const roles = menu.flatMap((m) => m.submenu.map((i) => i.role)).filter(Boolean);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    menu.at(-1)!.submenu[0].click!();
    expect(recorded.openedPaths).toEqual(['/opt/sportello/guida/guida-sportello.md']);
  });

  it('unpackaged (development): DevTools allowed and left open', async () => {
    recorded.isPackaged = false;
    await start();
    const [win] = recorded.windows;
    expect(win.options.webPreferences).toMatchObject({ devTools: true });
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBe(0);
  });

  it('grants the camera to the app origin only', async () => {
    await start();
    const decide = (url: string, permission: string, mediaTypes: string[]) =>
      new Promise((resolve) => recorded.permissionRequestHandler?.({ getURL: () => url }, permission, resolve, { requestingUrl: url, mediaTypes }));
    expect(await decide('app://sportello/index.html', 'media', ['video'])).toBe(true);
    expect(await decide('app://sportello/index.html', 'media', ['audio'])).toBe(false);
    expect(await decide('https://evil.example/', 'media', ['video'])).toBe(false);
    expect(await decide('app://sportello/index.html', 'geolocation', [])).toBe(false);
    expect(recorded.permissionCheckHandler?.(null, 'notifications', 'app://sportello')).toBe(false);
  });

  it('changes workstation settings and the scanner folder only for the administrator main saw sign in; the language for anyone', async () => {
    await start();
    const invoke = trustedInvoke();
    const notAdmin = { ok: false, error: { code: 'not-admin', messageKey: 'accounts.error.notAdmin' } };
    expect(await invoke('settings:update', { autoLockMinutes: 240 })).toEqual(notAdmin);
    expect(await invoke('settings:update', { retentionDays: 0 })).toEqual(notAdmin);
    expect(await invoke('hotFolder:choose')).toEqual(notAdmin);
    expect(await invoke('settings:update', { locale: 'en' })).toMatchObject({ ok: true, value: { locale: 'en' } });
    await signInFirstAdmin(invoke);
    expect(await invoke('settings:update', { autoLockMinutes: 10 })).toMatchObject({ ok: true, value: { autoLockMinutes: 10 } });
    expect(await invoke('accounts:signOut')).toEqual({ ok: true, value: null });
    expect(await invoke('settings:update', { autoLockMinutes: 240 })).toEqual(notAdmin);
  });

  it('never takes a scanner folder path from the renderer, and refuses userData from the folder dialog', async () => {
    await start();
    const invoke = trustedInvoke();
    await signInFirstAdmin(invoke);
    const userData = process.env.SPORTELLO_STUB_USER_DATA!;
    expect(await invoke('settings:update', { scannerHotFolder: userData })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    recorded.nextFolderChoice = userData;
    expect(await invoke('hotFolder:choose')).toMatchObject({ ok: false, error: { messageKey: 'settings.error.scannerHotFolderProtected', details: { field: 'scannerHotFolder' } } });
    const scans = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-scans-'));
    recorded.nextFolderChoice = scans;
    expect(await invoke('hotFolder:choose')).toMatchObject({ ok: true, value: { chosen: true, settings: { scannerHotFolder: scans } } });
    recorded.nextFolderChoice = null;
    expect(await invoke('hotFolder:choose')).toMatchObject({ ok: true, value: { chosen: false, settings: { scannerHotFolder: scans } } });
    expect(await invoke('settings:update', { scannerHotFolder: '' })).toMatchObject({ ok: true, value: { scannerHotFolder: '' } });
  });

  it('reloads the renderer after it crashes', async () => {
    await start();
    const [win] = recorded.windows;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(win.loadedUrls).toEqual(['app://sportello/index.html', 'app://sportello/index.html']);
  });

  it('lets Chromium refuse a bad certificate, and central:diagnose reports it for the configured service', async () => {
    await start();
    const sender = { senderFrame: { url: 'app://sportello/index.html', parent: null } };
    const invoke = (channel: string, payload?: unknown) => recorded.ipcHandlers.get(channel)!(sender, payload) as Promise<{ ok: boolean; value?: unknown }>;
    await signInFirstAdmin(invoke);
    expect(await invoke('settings:update', { centralServiceUrl: 'https://central.example.it' })).toMatchObject({ ok: true });
    const [listener] = recorded.appListeners.get('certificate-error') ?? [];
    let prevented = false;
    let trusted: boolean | null = null;
    listener({ preventDefault: () => (prevented = true) }, {}, 'https://central.example.it/api/v1/workstation', 'net::ERR_CERT_AUTHORITY_INVALID', {}, (allow: boolean) => (trusted = allow));
    expect(prevented).toBe(false);
    expect(trusted).toBe(false);
    const realFetch = stub.net.fetch;
    stub.net.fetch = async () => {
      throw new TypeError('net::ERR_FAILED');
    };
    try {
      expect(await invoke('central:diagnose')).toEqual({ ok: true, value: { kind: 'certificate', error: 'ERR_CERT_AUTHORITY_INVALID' } });
    } finally {
      stub.net.fetch = realFetch;
    }
  });

  it('serves the renderer through app:// with a CSP', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-renderer-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    startMainProcess(electronStub as unknown as ElectronModules, { rendererRoot: root, preloadPath: '/p.cjs', guidePath: '/g.md' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const response = await recorded.protocolHandlers.get('app')!(new Request('app://sportello/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
