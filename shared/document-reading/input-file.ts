/**
 * What a file claims to be before anything decodes it: the format from its magic bytes and, for
 * images, the pixel size from the header, so an oversized image is refused before a full decode.
 */
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-it';
import { tiffLayout } from './tiff-structure';

/** Images at or above this many pixels are refused (a 400-megapixel image needs 1.6 GB as RGBA). */
export const MAX_IMAGE_PIXELS = 400_000_000;

export type InputFormat = 'jpeg' | 'png' | 'tiff' | 'webp' | 'pdf';

export type InputErrorCode = 'empty' | 'notAnImage' | 'corrupt' | 'tooLarge' | 'tiffUnsupported' | 'pdfPassword' | 'pdfMalformed' | 'unreadableFile';

/** Bad input: carries a stable code and a clear Italian message; nothing was guessed. */
export class DocumentInputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly file: string,
    /** Kept so the error can cross a worker boundary and be rebuilt with the same message. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(translate('it', `documentReading.error.${code}` as MessageKey, { file, ...params }));
    this.name = 'DocumentInputError';
  }
}

export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  const ascii = (start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(1, 3) === 'PNG' && bytes[0] === 0x89) return 'png';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'webp';
  // PDF allows up to 1 KB of junk before the header.
  const head = ascii(0, Math.min(bytes.length, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  return null;
}

export interface Dimensions {
  width: number;
  height: number;
}

function u16(b: Uint8Array, i: number, little: boolean): number {
  return little ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
}
function u32(b: Uint8Array, i: number, little: boolean): number {
  return little ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0 : ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

function jpegDimensions(b: Uint8Array): Dimensions | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: u16(b, i + 5, false), width: u16(b, i + 7, false) };
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    i += 2 + u16(b, i + 2, false);
  }
  return null;
}

function webpDimensions(b: Uint8Array): Dimensions | null {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X') return { width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)), height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)) };
  if (chunk === 'VP8L') {
    const bits = u32(b, 21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: u16(b, 26, true) & 0x3fff, height: u16(b, 28, true) & 0x3fff };
  return null;
}

/** Pixel size from the header alone; null when the header is incomplete or broken. */
export function imageDimensions(bytes: Uint8Array, format: Exclude<InputFormat, 'pdf'>): Dimensions | null {
  if (bytes.length < 30) return null;
  switch (format) {
    case 'png':
      return String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR' ? { width: u32(bytes, 16, false), height: u32(bytes, 20, false) } : null;
    case 'jpeg':
      return jpegDimensions(bytes);
    case 'tiff': {
      const layout = tiffLayout(bytes);
      return layout.ok ? { width: layout.pages[0].width, height: layout.pages[0].height } : null;
    }
    case 'webp':
      return webpDimensions(bytes);
  }
}

/**
 * The size of every page of an image (one, or each page of a multi-page TIFF), or why it cannot be
 * decoded: the one header check that capture, the Node decoder and the browser decoder share.
 */
export function imagePages(bytes: Uint8Array, format: Exclude<InputFormat, 'pdf'>): { ok: true; pages: Dimensions[] } | { ok: false; code: 'corrupt' | 'tiffUnsupported'; params: Record<string, number> } {
  if (format === 'tiff') {
    const layout = tiffLayout(bytes);
    if (!layout.ok) return layout.problem === 'corrupt' ? { ok: false, code: 'corrupt', params: {} } : { ok: false, code: 'tiffUnsupported', params: { compression: layout.compression } };
    return { ok: true, pages: layout.pages.map(({ width, height }) => ({ width, height })) };
  }
  const dimensions = imageDimensions(bytes, format);
  return dimensions && dimensions.width > 0 && dimensions.height > 0 ? { ok: true, pages: [dimensions] } : { ok: false, code: 'corrupt', params: {} };
}

/** The largest page, for the per-page pixel limit. */
export function largestPage(pages: Dimensions[]): Dimensions {
  return pages.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
}

/**
 * Checks a file before decoding: format known, header readable, size of every page acceptable.
 * Throws DocumentInputError with the Italian message otherwise; `pages` is 1 but for a multi-page
 * TIFF (a PDF's pages are known only once pdf.js opens it).
 */
export function checkInputFile(bytes: Uint8Array, file: string): { format: InputFormat; dimensions: Dimensions | null; pages: number } {
  if (bytes.length === 0) throw new DocumentInputError('empty', file);
  const format = sniffFormat(bytes);
  if (!format) throw new DocumentInputError('notAnImage', file);
  if (format === 'pdf') return { format, dimensions: null, pages: 1 };
  const found = imagePages(bytes, format);
  if (!found.ok) throw new DocumentInputError(found.code, file, found.params);
  const largest = largestPage(found.pages);
  const pixels = largest.width * largest.height;
  if (pixels >= MAX_IMAGE_PIXELS) throw new DocumentInputError('tooLarge', file, { megapixels: Math.round(pixels / 1e6), limit: MAX_IMAGE_PIXELS / 1e6 });
  return { format, dimensions: found.pages[0], pages: found.pages.length };
}
