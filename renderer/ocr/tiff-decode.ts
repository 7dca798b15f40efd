/**
 * TIFF pages to pixels in the browser, which cannot decode TIFF itself: utif2 (CCITT G3/G4, LZW,
 * Deflate, PackBits, JPEG, uncompressed; 1 to 16 bits, gray, palette, RGB, CMYK). The shared header
 * check (tiff-structure.ts) has refused cut files and codecs utif2 would turn into a blank page, so
 * a failure left here is a damaged file. Runs in the document-reading worker only: a 300 dpi A4
 * page is tens of millions of pixel operations.
 */
import * as utifModule from 'utif2';
import { DocumentInputError } from '../../shared/document-reading/input-file';
import { tiffLayout } from '../../shared/document-reading/tiff-structure';

// utif2 is CommonJS: bundlers hand it over either as the namespace or as its default export.
const UTIF = (utifModule as unknown as { default?: typeof utifModule }).default ?? utifModule;

export interface RgbaPage {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

/** How many pages the TIFF has (directories only); a bad file is a DocumentInputError. */
export function tiffPageCount(bytes: Uint8Array, file: string): number {
  const layout = tiffLayout(bytes);
  if (!layout.ok) throw layout.problem === 'corrupt' ? new DocumentInputError('corrupt', file) : new DocumentInputError('tiffUnsupported', file, { compression: layout.compression });
  return layout.pages.length;
}

/** Page `index` (0-based) as RGBA, 8 bits a channel. */
export function decodeTiffPage(bytes: Uint8Array, file: string, index: number): RgbaPage {
  const count = tiffPageCount(bytes, file);
  if (index < 0 || index >= count) throw new RangeError(`TIFF page ${index + 1} of ${count}`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const ifds = UTIF.decode(buffer);
    const ifd = ifds[index];
    UTIF.decodeImage(buffer, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    if (!ifd.width || !ifd.height || rgba.length !== ifd.width * ifd.height * 4) throw new Error('short page');
    return { data: new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.length), width: ifd.width, height: ifd.height };
  } catch {
    throw new DocumentInputError('corrupt', file);
  }
}

/** Page `page` (1-based, clamped) as a bitmap for the screen, with the page count. */
export async function tiffPageImage(bytes: Uint8Array, file: string, page: number): Promise<{ bitmap: ImageBitmap; pageCount: number }> {
  const pageCount = tiffPageCount(bytes, file);
  const rgba = decodeTiffPage(bytes, file, Math.min(Math.max(1, page), pageCount) - 1);
  return { bitmap: await createImageBitmap(new ImageData(rgba.data, rgba.width, rgba.height)), pageCount };
}
