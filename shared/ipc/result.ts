/** Every IPC call answers with an envelope, so errors cross the bridge typed and in the user's language. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface IpcError {
  /** Stable machine code, e.g. `invalid-payload`, `untrusted-sender`, `settings-invalid`. */
  code: string;
  /** i18n key of the message shown to the clerk. */
  messageKey: string;
  /** Extra values for the message (field names, counts); never personal data. */
  details?: Record<string, string | number>;
}

export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(`${error.code}: ${error.messageKey}`);
    this.name = 'IpcCallError';
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new IpcCallError(result.error);
}
