import { IpcHandlerError } from '../ipc/register-handlers';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface DataKeyDeps {
  platform: NodeJS.Platform;
  safeStorage: SafeStorageLike;
  readWrappedKey: () => Promise<Buffer | null>;
  writeWrappedKey: (wrapped: Buffer) => Promise<void>;
  randomBytes: (size: number) => Buffer;
}

/**
 * The data key that encrypts cases at rest, wrapped by the OS keychain (DPAPI on Windows, Keychain
 * on macOS, libsecret/kwallet on Linux). Linux's `basic_text` backend is a hard-coded password, so
 * it is refused rather than giving a false sense of protection.
 */
export async function loadOrCreateDataKey(deps: DataKeyDeps): Promise<string> {
  const { safeStorage } = deps;
  if (!safeStorage.isEncryptionAvailable()) {
    throw new IpcHandlerError('key-store-unavailable', 'error.keys.unavailable');
  }
  if (deps.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      throw new IpcHandlerError('key-store-insecure', 'error.keys.basicText', { code: backend });
    }
  }
  const wrapped = await deps.readWrappedKey();
  if (wrapped) {
    try {
      return safeStorage.decryptString(wrapped);
    } catch {
      throw new IpcHandlerError('key-unwrap-failed', 'error.keys.unwrapFailed');
    }
  }
  const keyBase64 = deps.randomBytes(32).toString('base64');
  await deps.writeWrappedKey(safeStorage.encryptString(keyBase64));
  return keyBase64;
}
