import { imagePages, largestPage, MAX_IMAGE_PIXELS, sniffFormat, type InputFormat } from '../document-reading/input-file';

/**
 * What a captured file is, decided from its bytes (never its name or the browser's guess), and
 * whether it is safe to decode: a 20,000 × 20,000 image is refused from its header, before any
 * pixel is decoded. Format and header parsing are the document reader's (one parser for both).
 */
export type ScanMimeType = 'image/jpeg' | 'image/png' | 'image/tiff' | 'application/pdf';

export type ScanFileProblem = 'empty' | 'too-large' | 'unsupported' | 'too-many-pixels' | 'damaged' | 'locked' | 'tiff-unsupported';

export type ScanFileVerdict =
  | { ok: true; mimeType: ScanMimeType; width: number | null; height: number | null }
  | { ok: false; problem: ScanFileProblem };

export const MAX_SCAN_BYTES = 60 * 1024 * 1024;

const MIME_TYPES: Partial<Record<InputFormat, ScanMimeType>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
};

/**
 * A password-protected PDF names an /Encrypt dictionary in its trailer (ISO 32000-1 §7.6); its
 * pages cannot be shown or read, so it is refused at capture with a clear next step.
 */
function isEncryptedPdf(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  return /\/Encrypt\s+\d+\s+\d+\s+R/.test(tail) || /\/Encrypt\s+\d+\s+\d+\s+R/.test(head);
}

/** Inspects the whole file's bytes (only headers are parsed; for a TIFF every page's directory). */
export function inspectScanFile(bytes: Uint8Array): ScanFileVerdict {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_SCAN_BYTES) return { ok: false, problem: 'too-large' };
  const format = sniffFormat(bytes);
  const mimeType = format ? MIME_TYPES[format] : undefined;
  if (!format || !mimeType) return { ok: false, problem: 'unsupported' };
  if (format === 'pdf') {
    return isEncryptedPdf(bytes) ? { ok: false, problem: 'locked' } : { ok: true, mimeType, width: null, height: null };
  }
  const found = imagePages(bytes, format);
  if (!found.ok) return { ok: false, problem: found.code === 'corrupt' ? 'damaged' : 'tiff-unsupported' };
  const largest = largestPage(found.pages);
  if (largest.width * largest.height >= MAX_IMAGE_PIXELS) return { ok: false, problem: 'too-many-pixels' };
  const [first] = found.pages;
  return { ok: true, mimeType, width: first.width, height: first.height };
}
