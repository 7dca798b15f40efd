import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels, ipcContract, type IpcChannel, type IpcHandlers } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { isAppUrl } from '../security/app-origin';

export class IpcHandlerError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly details?: Record<string, string | number>,
  ) {
    super(code);
  }
}

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Only the app's own top-level page may call main; anything else (a stray frame, a devtools page) is refused. */
export function isTrustedSender(event: Sender): boolean {
  const frame = event.senderFrame;
  return !!frame && typeof frame.url === 'string' && isAppUrl(frame.url) && frame.parent === null;
}

/** Validates and runs one call. Exported for the contract tests; main uses `registerIpcHandlers`. */
export async function dispatch<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  event: Sender,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'untrusted-sender', messageKey: 'error.ipc.untrustedSender' } };
  }
  const parsed = ipcContract[channel].request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        messageKey: 'error.ipc.invalidPayload',
        details: {
          channel,
          field: String(parsed.error.issues[0]?.path[0] ?? ''),
          issue: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; '),
        },
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value: ipcContract[channel].response.parse(value) };
  } catch (err) {
    if (err instanceof IpcHandlerError) {
      return { ok: false, error: { code: err.code, messageKey: err.messageKey, details: err.details } };
    }
    return { ok: false, error: { code: 'internal', messageKey: 'error.ipc.internal', details: { channel } } };
  }
}

/** The only place that touches `ipcMain`: one validated handler per contract channel. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlers): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, handlers, event, payload));
  }
}
