import { describe, expect, it } from 'vitest';
import { BundleError, openBundle, readBundleFacts, sealBundle } from '../../../renderer/sync/case-bundle-cipher';
import { BUNDLE_MAGIC, hasBundleMagic } from '../../../shared/case-bundle/envelope';

const FACTS = { bundleId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', officeCode: 'RM01', createdAt: '2026-11-27T09:00:00.000Z', caseCount: 2 };
const PASSPHRASE = 'cavallo batteria graffetta';
const FAST = { iterations: 100_000 };
const frames = [new TextEncoder().encode('{"manifest":true}'), Uint8Array.from({ length: 5000 }, (_, i) => i % 251), new Uint8Array([1, 2, 3])];

async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof BundleError) return error.messageKey;
    throw error;
  }
  return 'opened';
}

/** Byte offset where the frames start (after magic, version, header length and header). */
function framesOffset(bundle: Uint8Array): number {
  const view = new DataView(bundle.buffer, bundle.byteOffset);
  return BUNDLE_MAGIC.length + 6 + view.getUint32(BUNDLE_MAGIC.length + 2);
}

describe('case bundle envelope', () => {
  it('round-trips every frame byte for byte and reads the authenticated facts', async () => {
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    expect(hasBundleMagic(bundle)).toBe(true);
    const opened = await openBundle(bundle, PASSPHRASE);
    expect(opened.facts).toEqual(FACTS);
    expect(opened.frames).toEqual(frames);
    expect(readBundleFacts(bundle)).toEqual(FACTS);
  });

  it('keeps the content out of the file in clear: only office, ids, counts and KDF parameters are readable', async () => {
    const secret = new TextEncoder().encode('ROSSI MARIO RSSMRA85D12H501Z');
    const bundle = await sealBundle(PASSPHRASE, FACTS, [secret], FAST);
    const text = new TextDecoder('latin1').decode(bundle);
    expect(text).not.toContain('ROSSI');
    expect(text).not.toContain('RSSMRA');
    expect(text).toContain('"iterations":100000');
    expect(text).toContain('PBKDF2-SHA-256');
  });

  it('uses 600,000 PBKDF2 iterations by default and a fresh salt every time', async () => {
    const a = new TextDecoder().decode(await sealBundle(PASSPHRASE, FACTS, frames));
    const b = new TextDecoder().decode(await sealBundle(PASSPHRASE, FACTS, frames, FAST));
    expect(a).toContain('"iterations":600000');
    const salt = (s: string) => /"salt":"([^"]+)"/.exec(s)?.[1];
    expect(salt(a)).not.toBe(salt(b));
  });

  it('refuses a wrong passphrase as such', async () => {
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    expect(await problemOf(openBundle(bundle, 'cavallo batteria graffett4'))).toBe('bundle.error.wrongPassphrase');
  });

  it('refuses any altered byte: in a frame, in the header, in a length', async () => {
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    const start = framesOffset(bundle);
    const flip = (at: number) => {
      const copy = bundle.slice();
      copy[at] ^= 0x01;
      return copy;
    };
    // the last byte (tag of the last frame) and a byte inside the big attachment frame
    expect(await problemOf(openBundle(flip(bundle.length - 1), PASSPHRASE))).toBe('bundle.error.damaged');
    expect(await problemOf(openBundle(flip(bundle.length - 200), PASSPHRASE))).toBe('bundle.error.damaged');
    // the header in clear: office code RM01 → RM00 is authenticated too (fails the first frame)
    const header = new TextDecoder('latin1').decode(bundle.subarray(0, start));
    const officeAt = header.indexOf('"RM01"') + 4;
    expect(['bundle.error.wrongPassphrase', 'bundle.error.damaged']).toContain(await problemOf(openBundle(flip(officeAt), PASSPHRASE)));
    // a frame length: the structure no longer adds up
    expect(await problemOf(openBundle(flip(start + 3), PASSPHRASE))).not.toBe('opened');
  });

  it('refuses frames swapped into another order', async () => {
    const same = [new Uint8Array(64).fill(7), new Uint8Array(64).fill(9)];
    const bundle = await sealBundle(PASSPHRASE, { ...FACTS, caseCount: 1 }, same, FAST);
    const frameLength = 4 + 64 + 16;
    const swapped = bundle.slice();
    const last = bundle.length - frameLength;
    swapped.set(bundle.subarray(last - frameLength, last), last);
    swapped.set(bundle.subarray(last, bundle.length), last - frameLength);
    expect(await problemOf(openBundle(swapped, PASSPHRASE))).toBe('bundle.error.damaged');
  });

  it('reports a file cut short as truncated, at any length, before asking for the key', async () => {
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    const start = framesOffset(bundle);
    for (const length of [20, start - 1, start, start + 2, bundle.length - 17, bundle.length - 1]) {
      expect(await problemOf(openBundle(bundle.subarray(0, length), 'whatever passphrase')), `cut at ${length}`).toBe('bundle.error.truncated');
    }
  });

  it('refuses bytes appended after the last frame', async () => {
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    const longer = new Uint8Array(bundle.length + 3);
    longer.set(bundle);
    expect(await problemOf(openBundle(longer, PASSPHRASE))).toBe('bundle.error.damaged');
  });

  it('tells a file that is not a bundle, and a bundle of another format version', async () => {
    expect(await problemOf(openBundle(new TextEncoder().encode('%PDF-1.7 not a bundle at all'), PASSPHRASE))).toBe('bundle.error.notABundle');
    expect(await problemOf(openBundle(new Uint8Array(0), PASSPHRASE))).toBe('bundle.error.notABundle');
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    const future = bundle.slice();
    future[BUNDLE_MAGIC.length + 1] = 2;
    try {
      await openBundle(future, PASSPHRASE);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BundleError);
      expect((error as BundleError).messageKey).toBe('bundle.error.unsupportedVersion');
      expect((error as BundleError).details).toEqual({ version: 2, supported: 1 });
    }
  });

  it('refuses a header claiming too few iterations (a weakened copy)', async () => {
    const bundle = await sealBundle(PASSPHRASE, FACTS, frames, FAST);
    const text = new TextDecoder('latin1').decode(bundle);
    const at = text.indexOf('"iterations":100000') + '"iterations":'.length;
    const weak = bundle.slice();
    weak[at] = '0'.charCodeAt(0); // 000000
    expect(await problemOf(openBundle(weak, PASSPHRASE))).toBe('bundle.error.damaged');
  });
});
