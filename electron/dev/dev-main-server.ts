import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipcChannels, type IpcChannel, type IpcHandlers } from '../../shared/ipc/contract';
import { buildContentSecurityPolicy, originOf } from '../../shared/security/csp';
import { dispatch } from '../main/ipc/register-handlers';
import { createIpcHandlers } from '../main/ipc-handlers';
import { createSettingsStore, type SettingsStore } from '../main/settings/settings-store';
import { createRotatingLog } from '../main/logging/rotating-log';
import { nodeDiagnosticsFileSystem, nodeDraftFileSystem, nodeHotFolderFileSystem, nodeLogFileSystem, writeFileAtomic } from '../main/node-files';
import { createHotFolder } from '../main/hot-folder/hot-folder';
import { createDraftFolder, DRAFT_MAX_AGE_MS } from '../main/documents/draft-folder';
import { createCaseBundleFile } from '../main/documents/case-bundle-file';
import { createDiagnosticsFolder } from '../main/diagnostics/diagnostics-folder';
import { diagnoseCentralService } from '../main/central-service/central-diagnosis';
import { createAccountGuard } from '../main/accounts/account-guard';
import { checkHotFolderOnDisk, systemFolders } from '../main/hot-folder/hot-folder-path';
import { MAX_BUNDLE_BYTES } from '../../shared/case-bundle/envelope';

/**
 * Dev web mode: the same main-process handlers, reached over HTTP on 127.0.0.1 instead of IPC.
 * Only the transport differs from Electron; validation, settings, log and the rest are the real
 * modules. The data key is kept in a file of the dev profile (no OS keychain in a browser).
 */
export interface DevMainServer {
  handlers: IpcHandlers;
  settings: SettingsStore;
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  contentSecurityPolicy: () => Promise<string>;
}

export const DEV_MAIN_PREFIX = '/__main/';

/**
 * The dev web mode's stand-in for the folder dialog: the path in this file of the dev profile,
 * written from outside the browser (a developer, a Playwright test in Node). The page itself has
 * no way to name a folder.
 */
export const DEV_FOLDER_CHOICE_FILE = 'next-folder-choice.txt';

/** The largest request the bridge reads: the largest contract payload (a case bundle as base64) and its JSON envelope. */
export const MAX_BRIDGE_BODY_BYTES = Math.ceil(MAX_BUNDLE_BYTES / 3) * 4 + 64 * 1024;

export function createDevMainServer(options: { userData: string; appOrigin: string; devSocketOrigin: string }): DevMainServer {
  const { userData } = options;
  const settingsFile = path.join(userData, 'settings.json');
  const settings = createSettingsStore({
    load: () => fsp.readFile(settingsFile, 'utf8').catch(() => null),
    save: (json) => writeFileAtomic(settingsFile, json),
    checkHotFolder: (folder) =>
      checkHotFolderOnDisk(folder, { platform: process.platform, protectedTrees: [userData], profileRoots: [os.homedir()], systemTrees: systemFolders(process.platform, process.env) }),
  });
  const accountsFile = path.join(userData, 'dev-accounts.json');
  const accounts = createAccountGuard({
    load: () => fsp.readFile(accountsFile, 'utf8').catch(() => null),
    save: (json) => writeFileAtomic(accountsFile, json),
    randomBytes: (size) => crypto.randomBytes(size),
  });
  const logFile = path.join(userData, 'logs', 'sportello.log');
  const log = createRotatingLog({ file: logFile, maxBytes: 1_000_000, maxFiles: 5, fs: nodeLogFileSystem() });
  const keyFile = path.join(userData, 'dev-data-key.txt');
  let hotFolderPath = '';
  const hotFolder = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => hotFolderPath });
  const scanTimer = setInterval(() => {
    void settings.get().then((s) => {
      hotFolderPath = s.scannerHotFolder;
      return hotFolder.scan();
    });
  }, 500);
  scanTimer.unref();
  const handlers = createIpcHandlers({
    version: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    electronVersion: '',
    chromeVersion: '',
    userDataPath: userData,
    settings,
    log,
    hotFolder,
    // A browser has no default-program launcher: the draft is written and its path returned.
    drafts: createDraftFolder({
      folder: path.join(userData, 'drafts'),
      fs: nodeDraftFileSystem(),
      openPath: async () => 'not available in dev web mode',
      randomId: () => crypto.randomBytes(4).toString('hex'),
      now: Date.now,
      maxAgeMs: DRAFT_MAX_AGE_MS,
    }),
    // No file manager to show it in: the file is written and its path returned.
    diagnostics: createDiagnosticsFolder({ folder: path.join(userData, 'diagnostica'), logFile, fs: nodeDiagnosticsFileSystem(), reveal: () => false, now: () => new Date() }),
    // Node's fetch stands in for Electron's net.fetch: same request, certificate errors by OpenSSL code.
    diagnoseCentral: () => diagnoseCentralService({ serviceUrl: async () => (await settings.get()).centralServiceUrl, fetch: (url, init) => fetch(url, init) }),
    // No save dialog in a browser: bundles go to a folder of the dev profile and the path is returned.
    caseBundles: createCaseBundleFile({ chooseTarget: async (name) => path.join(userData, 'bundles', name), write: writeFileAtomic }),
    accounts,
    chooseHotFolder: async () => {
      const choice = path.join(userData, DEV_FOLDER_CHOICE_FILE);
      const folder = await fsp.readFile(choice, 'utf8').catch(() => null);
      await fsp.rm(choice, { force: true });
      return folder === null ? null : folder.trim();
    },
    dataKey: async () => {
      const existing = await fsp.readFile(keyFile, 'utf8').catch(() => null);
      if (existing) return existing.trim();
      const fresh = crypto.randomBytes(32).toString('base64');
      await writeFileAtomic(keyFile, fresh);
      return fresh;
    },
  });
  const webHandlers: IpcHandlers = {
    ...handlers,
    'app:info': async () => ({ ...(await handlers['app:info'](undefined)), runtime: 'web', electronVersion: null, chromeVersion: null }),
    'dataKey:get': async () => ({ ...(await handlers['dataKey:get'](undefined)), protection: 'browser-profile' }),
  };

  const middleware: DevMainServer['middleware'] = (req, res, next) => {
    if (!req.url?.startsWith(DEV_MAIN_PREFIX)) return next();
    const channel = decodeURIComponent(req.url.slice(DEV_MAIN_PREFIX.length)) as IpcChannel;
    const origin = req.headers.origin ?? '';
    if (req.method !== 'POST' || !ipcChannels.includes(channel)) {
      res.statusCode = 404;
      return res.end();
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => {
      res.statusCode = 413;
      res.setHeader('Connection', 'close');
      res.end();
      req.destroy();
    };
    if (declared > MAX_BRIDGE_BODY_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (c: Buffer) => {
      received += c.length;
      if (received > MAX_BRIDGE_BODY_BYTES) return tooLarge();
      chunks.push(c);
    });
    req.on('end', () => {
      if (received > MAX_BRIDGE_BODY_BYTES) return;
      let payload: unknown;
      try {
        payload = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { payload?: unknown }).payload;
      } catch {
        payload = Symbol('malformed');
      }
      // The HTTP transport's sender check: the page must be on the dev server's own origin.
      const senderFrame = { url: origin === options.appOrigin ? `app://sportello/` : 'about:blank', parent: null };
      void dispatch(channel, webHandlers, { senderFrame } as never, payload).then((result) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(result));
      });
    });
  };

  return {
    handlers: webHandlers,
    settings,
    middleware,
    contentSecurityPolicy: async () =>
      buildContentSecurityPolicy({ centralServiceOrigin: originOf((await settings.get()).centralServiceUrl), devSocketOrigin: options.devSocketOrigin }),
  };
}
