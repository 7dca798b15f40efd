import { StoreError } from './store-error';

/** A sealed value as stored: AES-GCM ciphertext with its tag, and the nonce it was sealed with. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/**
 * Encryption at rest for the local store. The 32-byte data key from `dataKey:get` is imported once
 * as non-extractable HKDF material; from it come an AES-GCM key (records, images) and an HMAC key
 * (blind search tokens), neither of which script can ever export. Each ciphertext is bound to the
 * record it belongs to (additional data), so a ciphertext copied onto another record fails too.
 */
export interface DataCipher {
  seal(bytes: BufferSource, binding: string): Promise<Sealed>;
  open(sealed: Sealed, binding: string): Promise<ArrayBuffer>;
  sealJson(value: unknown, binding: string): Promise<Sealed>;
  openJson(sealed: Sealed, binding: string): Promise<unknown>;
  blindToken(term: string): Promise<string>;
  /**
   * Key of the audit hash chain. Raw bytes, unlike the others, because the chain is computed
   * synchronously inside Dexie transactions; it can forge audit entries, nothing else.
   */
  auditKey: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function createDataCipher(keyBase64: string, subtle: SubtleCrypto = crypto.subtle): Promise<DataCipher> {
  const raw = base64ToBytes(keyBase64);
  if (raw.length !== 32) throw new StoreError('store.error.keyInvalid');
  const material = await subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey', 'deriveBits']);
  raw.fill(0);
  const derive = (info: string, algorithm: AesKeyGenParams | HmacKeyGenParams, usages: KeyUsage[]) =>
    subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(info) }, material, algorithm, false, usages);
  const aes = await derive('sportello/store/aes-gcm/v1', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']);
  const hmac = await derive('sportello/store/blind-index/v1', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
  const auditKey = new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode('sportello/store/audit-chain/v1') }, material, 256));

  const seal: DataCipher['seal'] = async (bytes, binding) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(binding) }, aes, bytes);
    return { iv, data };
  };
  const open: DataCipher['open'] = async (sealed, binding) => {
    try {
      return await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(binding) }, aes, sealed.data);
    } catch (error) {
      throw new StoreError('store.error.integrity', {}, { cause: error });
    }
  };
  return {
    seal,
    open,
    auditKey,
    sealJson: (value, binding) => seal(encoder.encode(JSON.stringify(value)), binding),
    openJson: async (sealed, binding) => {
      const text = decoder.decode(await open(sealed, binding));
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new StoreError('store.error.integrity', {}, { cause: error });
      }
    },
    // 128 bits of the HMAC: enough to make collisions irrelevant, and shorter indexes.
    blindToken: async (term) => bytesToBase64Url(new Uint8Array(await subtle.sign('HMAC', hmac, encoder.encode(term))).slice(0, 16)),
  };
}
