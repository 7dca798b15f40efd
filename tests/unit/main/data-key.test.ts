import { describe, expect, it } from 'vitest';
import { loadOrCreateDataKey, type DataKeyDeps } from '../../../electron/main/keys/data-key';

function deps(overrides: Partial<DataKeyDeps> & { backend?: string } = {}) {
  let stored: Buffer | null = null;
  const base: DataKeyDeps = {
    platform: 'linux',
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => overrides.backend ?? 'gnome_libsecret',
      encryptString: (plain) => Buffer.from(plain.split('').reverse().join('')),
      decryptString: (wrapped) => {
        if (wrapped.toString().startsWith('corrupt')) throw new Error('bad');
        return wrapped.toString().split('').reverse().join('');
      },
    },
    readWrappedKey: async () => stored,
    writeWrappedKey: async (wrapped) => {
      stored = wrapped;
    },
    randomBytes: (size) => Buffer.alloc(size, 7),
  };
  return { ...base, ...overrides, stored: () => stored };
}

describe('loadOrCreateDataKey', () => {
  it('creates a 256-bit key once, stores it only wrapped, and returns the same key after', async () => {
    const d = deps();
    const first = await loadOrCreateDataKey(d);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(d.stored()?.toString()).not.toContain(first);
    expect(await loadOrCreateDataKey(d)).toBe(first);
  });

  it.each(['basic_text', 'unknown'])('refuses the Linux %s backend', async (backend) => {
    await expect(loadOrCreateDataKey(deps({ backend }))).rejects.toMatchObject({ code: 'key-store-insecure', messageKey: 'error.keys.basicText' });
  });

  it('accepts DPAPI on Windows (no backend selection there)', async () => {
    await expect(loadOrCreateDataKey(deps({ platform: 'win32' }))).resolves.toHaveLength(44);
  });

  it('refuses when OS encryption is unavailable, and reports a key it cannot unwrap', async () => {
    const unavailable = deps();
    unavailable.safeStorage = { ...unavailable.safeStorage, isEncryptionAvailable: () => false };
    await expect(loadOrCreateDataKey(unavailable)).rejects.toMatchObject({ code: 'key-store-unavailable' });
    const corrupt = deps({ readWrappedKey: async () => Buffer.from('corrupt') });
    await expect(loadOrCreateDataKey(corrupt)).rejects.toMatchObject({ code: 'key-unwrap-failed' });
  });
});
