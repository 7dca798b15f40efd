/**
 * What main and the renderer both need to know about a case bundle file (the encrypted file that
 * moves a workstation's queue to another one): how it starts, what it may be called, how big it may
 * be. The format itself (encryption, frames) lives with the renderer, which alone reads it.
 */

/** The first bytes of every bundle: "SPORTELLO-BUNDLE" in ASCII. */
export const BUNDLE_MAGIC: readonly number[] = Array.from('SPORTELLO-BUNDLE', (c) => c.charCodeAt(0));

export const BUNDLE_EXTENSION = 'sportello';

/** A name main accepts as the suggested file name: letters, digits, dash, underscore, then the extension. */
export const BUNDLE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.sportello$/;

/**
 * One bundle at most: it crosses IPC as base64 in one message, and is read whole to be decrypted.
 * A queue larger than this leaves in several bundles (each export takes what fits, oldest first).
 */
export const MAX_BUNDLE_BYTES = 192 * 1024 * 1024;

/** True when the bytes start like a bundle (main writes nothing else through the bundle channel). */
export function hasBundleMagic(bytes: Uint8Array): boolean {
  return bytes.length >= BUNDLE_MAGIC.length && BUNDLE_MAGIC.every((byte, i) => bytes[i] === byte);
}
