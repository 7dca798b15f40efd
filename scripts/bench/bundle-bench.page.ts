/**
 * Runs inside Chromium (served by Vite): the real bundle envelope over a queue of `totalBytes` in
 * 3 MiB attachments. Returns the raw timings in ms per run; `bundle.ts` prints medians.
 */
import { BUNDLE_KDF_ITERATIONS, openBundle, sealBundle, toBase64 } from '../../renderer/sync/case-bundle-cipher';

export type BundleFigures = Record<'kdf' | 'seal' | 'open' | 'base64' | 'baselineAesGcm', number[]>;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function runBundleBench(options: { runs: number; totalBytes: number }): Promise<{ figures: BundleFigures; attachments: number; bytes: number }> {
  const attachmentBytes = 3 * 1024 * 1024;
  const frames: Uint8Array[] = [new TextEncoder().encode(JSON.stringify({ manifest: 'x'.repeat(20_000) }))];
  for (let left = options.totalBytes; left > 0; left -= attachmentBytes) {
    const bytes = new Uint8Array(Math.min(attachmentBytes, left));
    for (let offset = 0; offset < bytes.length; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(bytes.length, offset + 65_536)));
    frames.push(bytes);
  }
  const plain = new Uint8Array(frames.reduce((sum, f) => sum + f.length, 0));
  frames.reduce((offset, f) => (plain.set(f, offset), offset + f.length), 0);
  const facts = { bundleId: crypto.randomUUID(), officeCode: 'RM01', createdAt: new Date().toISOString(), caseCount: frames.length - 1 };
  const passphrase = 'passphrase di prova per il benchmark';

  const figures: BundleFigures = { kdf: [], seal: [], open: [], base64: [], baselineAesGcm: [] };
  for (let run = 0; run < options.runs; run++) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    figures.kdf.push(
      await timed(async () => {
        const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
        await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: BUNDLE_KDF_ITERATIONS }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
      }),
    );
    let bundle = new Uint8Array(0);
    figures.seal.push(await timed(async () => (bundle = await sealBundle(passphrase, facts, frames))));
    figures.open.push(await timed(() => openBundle(bundle, passphrase)));
    figures.base64.push(await timed(async () => toBase64(bundle)));
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    figures.baselineAesGcm.push(await timed(() => crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, plain)));
  }
  return { figures, attachments: frames.length - 1, bytes: plain.length };
}
