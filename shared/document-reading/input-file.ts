/**
 * What a file claims to be before anything decodes it: the format from its magic bytes and, for
 * images, the pixel size from the header, so an oversized image is refused before a full decode.
 */
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-it';

/** Images at or above this many pixels are refused (a 400-megapixel image needs 1.6 GB as RGBA). */
export const MAX_IMAGE_PIXELS = 400_000_000;

export type InputFormat = 'jpeg' | 'png' | 'tiff' | 'webp' | 'pdf';

export type InputErrorCode = 'empty' | 'notAnImage' | 'corrupt' | 'tooLarge' | 'pdfPassword' | 'pdfMalformed' | 'unreadableFile';

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

function tiffDimensions(b: Uint8Array): Dimensions | null {
  const little = b[0] === 0x49;
  const ifd = u32(b, 4, little);
  if (ifd + 2 > b.length) return null;
  const count = u16(b, ifd, little);
  let width = 0;
  let height = 0;
  for (let k = 0; k < count; k += 1) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > b.length) return null;
    const tag = u16(b, e, little);
    const type = u16(b, e + 2, little);
    const value = type === 3 ? u16(b, e + 8, little) : u32(b, e + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width && height ? { width, height } : null;
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
    case 'tiff':
      return tiffDimensions(bytes);
    case 'webp':
      return webpDimensions(bytes);
  }
}

/**
 * Checks a file before decoding: format known, header readable, size acceptable. Throws
 * DocumentInputError with the Italian message otherwise.
 */
export function checkInputFile(bytes: Uint8Array, file: string): { format: InputFormat; dimensions: Dimensions | null } {
  if (bytes.length === 0) throw new DocumentInputError('empty', file);
  const format = sniffFormat(bytes);
  if (!format) throw new DocumentInputError('notAnImage', file);
  if (format === 'pdf') return { format, dimensions: null };
  const dimensions = imageDimensions(bytes, format);
  if (!dimensions || dimensions.width === 0 || dimensions.height === 0) throw new DocumentInputError('corrupt', file);
  const pixels = dimensions.width * dimensions.height;
  if (pixels >= MAX_IMAGE_PIXELS) throw new DocumentInputError('tooLarge', file, { megapixels: Math.round(pixels / 1e6), limit: MAX_IMAGE_PIXELS / 1e6 });
  return { format, dimensions };
}
