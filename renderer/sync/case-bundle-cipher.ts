import { z } from 'zod';
import { BUNDLE_MAGIC, hasBundleMagic, MAX_BUNDLE_BYTES } from '../../shared/case-bundle/envelope';
import type { BundleMessageKey } from '../../shared/i18n/bundle-it';

/**
 * The encrypted envelope of a case bundle. Layout:
 *
 *   "SPORTELLO-BUNDLE" | version u16 | header length u32 | header (JSON, UTF-8) | frames
 *   frame = ciphertext length u32 | AES-256-GCM ciphertext with its 16-byte tag
 *
 * The header is in clear but holds nothing personal (office code, counts, KDF salt and iterations,
 * nonce prefix); it is authenticated as additional data of every frame, together with the frame's
 * index, so a changed header, a reordered, altered or missing frame, or bytes cut off the end all
 * fail. The key comes from the operator's passphrase with PBKDF2-SHA-256. Frame 0 is a fixed text:
 * failing it means a wrong passphrase (or a file altered right there), failing a later frame means
 * a damaged file.
 */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_KDF_ITERATIONS = 600_000;
/** Bounds a header may claim: fewer iterations would be weak, more would hang the window. */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
const MAX_HEADER_BYTES = 64 * 1024;
const KEY_CHECK = 'sportello-case-bundle/key-check/v1';

export class BundleError extends Error {
  constructor(
    readonly messageKey: BundleMessageKey,
    readonly details: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(messageKey, options);
    this.name = 'BundleError';
  }
}

/** What the header says about the content; authenticated, but readable before the passphrase. */
export const BundleFacts = z
  .object({
    bundleId: z.uuid(),
    officeCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
    createdAt: z.iso.datetime(),
    caseCount: z.number().int().positive(),
  })
  .strict();
export type BundleFacts = z.infer<typeof BundleFacts>;

const EnvelopeHeader = BundleFacts.extend({
  kdf: z.object({ name: z.literal('PBKDF2-SHA-256'), iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS), salt: z.base64() }).strict(),
  cipher: z.object({ name: z.literal('AES-256-GCM'), noncePrefix: z.base64() }).strict(),
  frames: z.number().int().min(1),
}).strict();
type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

const encoder = new TextEncoder();

/** Base64 of any size, 48 KiB at a time (a bundle crosses IPC as base64). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 49_152) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(offset, offset + 49_152))));
  }
  return parts.join('');
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function u32(value: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The nonce (random prefix + index) and the additional data (file prefix + index) of one frame. */
const withIndex = (bytes: Uint8Array, index: number) => concat([bytes, u32(index)]);

/**
 * Encrypts the frames (the manifest first, then one per attachment) into one bundle file. A fresh
 * salt per bundle means a fresh key, so the 8-byte random nonce prefix plus the frame index never repeats.
 */
export async function sealBundle(passphrase: string, facts: BundleFacts, frames: readonly Uint8Array[], options: { iterations?: number } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const noncePrefix = crypto.getRandomValues(new Uint8Array(8));
  const header: EnvelopeHeader = {
    ...BundleFacts.parse(facts),
    kdf: { name: 'PBKDF2-SHA-256', iterations: options.iterations ?? BUNDLE_KDF_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', noncePrefix: toBase64(noncePrefix) },
    frames: frames.length + 1,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const version = new Uint8Array([BUNDLE_FORMAT_VERSION >> 8, BUNDLE_FORMAT_VERSION & 0xff]);
  const prefix = concat([Uint8Array.from(BUNDLE_MAGIC), version, u32(headerBytes.length), headerBytes]);
  const key = await deriveKey(passphrase, salt, header.kdf.iterations);
  const parts: Uint8Array[] = [prefix];
  for (const [index, plain] of [encoder.encode(KEY_CHECK), ...frames].entries()) {
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: withIndex(noncePrefix, index), additionalData: withIndex(prefix, index) }, key, plain as Uint8Array<ArrayBuffer>));
    parts.push(u32(sealed.length), sealed);
  }
  const bundle = concat(parts);
  if (bundle.length > MAX_BUNDLE_BYTES) throw new BundleError('bundle.error.tooLarge');
  return bundle;
}

interface ParsedEnvelope {
  header: EnvelopeHeader;
  prefix: Uint8Array;
  frames: Uint8Array<ArrayBuffer>[];
}

/** Reads the structure without the passphrase: a file cut short is reported as such before any key is derived. */
function parseEnvelope(bytes: Uint8Array): ParsedEnvelope {
  if (!hasBundleMagic(bytes)) throw new BundleError('bundle.error.notABundle');
  if (bytes.length > MAX_BUNDLE_BYTES) throw new BundleError('bundle.error.tooLarge');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = BUNDLE_MAGIC.length;
  if (bytes.length < offset + 6) throw new BundleError('bundle.error.truncated');
  const version = view.getUint16(offset);
  if (version !== BUNDLE_FORMAT_VERSION) throw new BundleError('bundle.error.unsupportedVersion', { version, supported: BUNDLE_FORMAT_VERSION });
  const headerLength = view.getUint32(offset + 2);
  offset += 6;
  if (headerLength > MAX_HEADER_BYTES) throw new BundleError('bundle.error.damaged');
  if (bytes.length < offset + headerLength) throw new BundleError('bundle.error.truncated');
  let header: EnvelopeHeader;
  try {
    header = EnvelopeHeader.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + headerLength))));
  } catch (error) {
    throw new BundleError('bundle.error.damaged', {}, { cause: error });
  }
  offset += headerLength;
  const prefix = bytes.slice(0, offset);
  const frames: Uint8Array<ArrayBuffer>[] = [];
  while (frames.length < header.frames) {
    if (bytes.length < offset + 4) throw new BundleError('bundle.error.truncated');
    const length = view.getUint32(offset);
    offset += 4;
    if (bytes.length < offset + length) throw new BundleError('bundle.error.truncated');
    frames.push(bytes.slice(offset, offset + length));
    offset += length;
  }
  if (offset !== bytes.length) throw new BundleError('bundle.error.damaged');
  return { header, prefix, frames };
}

const factsOf = (header: EnvelopeHeader): BundleFacts => ({ bundleId: header.bundleId, officeCode: header.officeCode, createdAt: header.createdAt, caseCount: header.caseCount });

/** The authenticated facts of a bundle's header, checked against its structure only (no passphrase). */
export function readBundleFacts(bytes: Uint8Array): BundleFacts {
  return factsOf(parseEnvelope(bytes).header);
}


/** Decrypts and authenticates every frame; returns the facts and the frames as sealed (manifest first). */
export async function openBundle(bytes: Uint8Array, passphrase: string): Promise<{ facts: BundleFacts; frames: Uint8Array[] }> {
  const { header, prefix, frames } = parseEnvelope(bytes);
  const key = await deriveKey(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
  const noncePrefix = fromBase64(header.cipher.noncePrefix);
  const plain: Uint8Array[] = [];
  for (const [index, sealed] of frames.entries()) {
    try {
      plain.push(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: withIndex(noncePrefix, index), additionalData: withIndex(prefix, index) }, key, sealed)));
    } catch (error) {
      throw new BundleError(index === 0 ? 'bundle.error.wrongPassphrase' : 'bundle.error.damaged', {}, { cause: error });
    }
  }
  if (new TextDecoder().decode(plain[0]) !== KEY_CHECK) throw new BundleError('bundle.error.damaged');
  return { facts: factsOf(header), frames: plain.slice(1) };
}
