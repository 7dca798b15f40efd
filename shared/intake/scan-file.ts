/**
 * What a captured file is, decided from its bytes (never its name or the browser's guess), and
 * whether it is safe to decode: a 20,000 × 20,000 image is refused from its header, before any
 * pixel is decoded.
 */
export type ScanMimeType = 'image/jpeg' | 'image/png' | 'image/tiff' | 'application/pdf';

export type ScanFileProblem = 'empty' | 'too-large' | 'unsupported' | 'too-many-pixels' | 'damaged' | 'locked';

export type ScanFileVerdict =
  | { ok: true; mimeType: ScanMimeType; width: number | null; height: number | null }
  | { ok: false; problem: ScanFileProblem };

export const MAX_SCAN_BYTES = 60 * 1024 * 1024;
/** A 600 dpi A4 colour scan is ~35 Mpx; anything far beyond is not a counter scan. */
export const MAX_SCAN_PIXELS = 120_000_000;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

export function sniffMimeType(bytes: Uint8Array): ScanMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

function pngSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

function jpegSize(bytes: Uint8Array): [number, number] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = view.getUint16(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return [view.getUint16(offset + 7), view.getUint16(offset + 5)];
    offset += 2 + length;
  }
  return null;
}

function tiffSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > bytes.length) return null;
  const count = view.getUint16(ifd, little);
  let width: number | null = null;
  let height: number | null = null;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > bytes.length) return null;
    const tag = view.getUint16(entry, little);
    const type = view.getUint16(entry + 2, little);
    const value = type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width !== null && height !== null ? [width, height] : null;
}

/**
 * A password-protected PDF names an /Encrypt dictionary in its trailer (ISO 32000-1 §7.6); its
 * pages cannot be shown or read, so it is refused at capture with a clear next step.
 */
function isEncryptedPdf(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  return /\/Encrypt\s+\d+\s+\d+\s+R/.test(tail) || /\/Encrypt\s+\d+\s+\d+\s+R/.test(head);
}

/** Inspects the whole file's bytes (only headers are parsed). */
export function inspectScanFile(bytes: Uint8Array): ScanFileVerdict {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_SCAN_BYTES) return { ok: false, problem: 'too-large' };
  const mimeType = sniffMimeType(bytes);
  if (!mimeType) return { ok: false, problem: 'unsupported' };
  if (mimeType === 'application/pdf') {
    return isEncryptedPdf(bytes) ? { ok: false, problem: 'locked' } : { ok: true, mimeType, width: null, height: null };
  }
  const size = mimeType === 'image/png' ? pngSize(bytes) : mimeType === 'image/jpeg' ? jpegSize(bytes) : tiffSize(bytes);
  if (!size || size[0] === 0 || size[1] === 0) return { ok: false, problem: 'damaged' };
  if (size[0] * size[1] > MAX_SCAN_PIXELS) return { ok: false, problem: 'too-many-pixels' };
  return { ok: true, mimeType, width: size[0], height: size[1] };
}
