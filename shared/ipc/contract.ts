import { z } from 'zod';
import { Settings, SettingsPatch } from '../settings/settings';
import { LogEntry } from '../logging/log-entry';
import { DiagnosticsReport } from '../diagnostics/report';
import { CentralDiagnosis } from '../central-api/transport-diagnosis';
import { BUNDLE_FILE_NAME, MAX_BUNDLE_BYTES } from '../case-bundle/envelope';
import { SealedClerk, SealedClerkFields, StoreId } from '../accounts/clerk-record';
import type { IpcChannel } from './channels';

export { ipcChannels, type IpcChannel } from './channels';

interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * The one IPC contract between the renderer and the main process. Every channel names its request
 * and response schema; main validates requests against them, the preload exposes exactly these
 * channels, and the browser implementation used by dev web mode satisfies the same type.
 */
export const ipcContract = {
  'app:info': {
    request: z.undefined(),
    response: z.object({
      version: z.string(),
      runtime: z.enum(['electron', 'web']),
      platform: z.string(),
      electronVersion: z.string().nullable(),
      chromeVersion: z.string().nullable(),
      userDataPath: z.string().nullable(),
    }),
  },
  'settings:get': { request: z.undefined(), response: Settings },
  /**
   * Workstation settings: admin only, except the clerk's own language (main checks its session).
   * The scanner folder is never a path from the renderer: it can only be cleared here, and is
   * chosen through `hotFolder:choose`.
   */
  'settings:update': { request: SettingsPatch.extend({ scannerHotFolder: z.literal('').optional() }).strict(), response: Settings },
  /** Admin only: main shows a folder dialog, refuses protected folders and links, and saves the choice. */
  'hotFolder:choose': { request: z.undefined(), response: z.object({ chosen: z.boolean(), settings: Settings }) },
  /** The store's clerks checked against what main sealed: a cleared or edited table is refused, never a first run. */
  'accounts:open': { request: z.object({ storeId: StoreId, clerks: z.array(SealedClerk).max(1000) }).strict(), response: z.object({ firstRun: z.boolean() }) },
  /** Main seals a new or changed account: the first administrator of an empty store, otherwise only for a signed-in administrator. */
  'accounts:seal': { request: z.object({ storeId: StoreId, clerk: SealedClerkFields }).strict(), response: z.object({ seal: z.string() }) },
  /** Main verifies the sealed account and the password, and from then on knows who is signed in. */
  'accounts:signIn': { request: z.object({ storeId: StoreId, clerk: SealedClerk, password: z.string().min(1).max(1024) }).strict(), response: z.object({ verified: z.boolean() }) },
  'accounts:signOut': { request: z.undefined(), response: z.null() },
  'log:write': { request: LogEntry, response: z.null() },
  'dataKey:get': {
    request: z.undefined(),
    response: z.object({ keyBase64: z.string(), protection: z.enum(['os-keychain', 'browser-profile']) }),
  },
  'hotFolder:pending': {
    request: z.undefined(),
    response: z.object({
      files: z.array(z.object({ id: z.string(), name: z.string(), sizeBytes: z.number().int(), dataBase64: z.string() })),
      refused: z.array(z.object({ id: z.string(), name: z.string(), reason: z.enum(['too-large', 'unsupported', 'empty']) })),
    }),
  },
  'hotFolder:acknowledge': { request: z.object({ id: z.string().min(1).max(255) }).strict(), response: z.null() },
  /** Writes an applicant document (.eml draft, PDF to print) into main's own folder and opens it with the default program. */
  'document:openDraft': {
    request: z
      .object({
        kind: z.enum(['eml', 'pdf']),
        fileName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.(eml|pdf)$/),
        // 25 MiB of bytes as base64.
        dataBase64: z.string().min(1).max(35_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
    response: z.object({ path: z.string(), opened: z.boolean() }),
  },
  /** Writes the diagnostics file for office IT and shows it in the file manager. */
  'diagnostics:export': { request: DiagnosticsReport, response: z.object({ path: z.string(), revealed: z.boolean() }) },
  /** After the renderer got no readable answer: main asks the configured central service who answers there. */
  'central:diagnose': { request: z.undefined(), response: CentralDiagnosis },
  /** Saves an encrypted case bundle where the operator chooses (save dialog; dev web mode: a fixed folder). */
  'caseBundle:save': {
    request: z
      .object({
        fileName: z.string().regex(BUNDLE_FILE_NAME),
        dataBase64: z.string().min(1).max(Math.ceil(MAX_BUNDLE_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
} as const satisfies { [C in IpcChannel]: ChannelSpec };

export type IpcContract = typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>;

type Args<C extends IpcChannel> = IpcRequest<C> extends undefined ? [] : [request: IpcRequest<C>];

/** What the renderer sees as `window.sportello`, in Electron and in dev web mode alike. */
export type SportelloApi = { [C in IpcChannel]: (...args: Args<C>) => Promise<IpcResponse<C>> };

/** Server side of the contract: one handler per channel, given an already validated request. */
export type IpcHandlers = { [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> };
