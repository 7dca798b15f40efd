/**
 * TIFF pages to pixels in the browser, which cannot decode TIFF itself: utif2 (CCITT G3/G4, LZW,
 * Deflate, PackBits, JPEG, uncompressed; 1 to 16 bits, gray, palette, RGB, CMYK). The shared header
 * check (tiff-structure.ts) has refused cut files and codecs utif2 would turn into a blank page, so
 * a failure left here is a damaged file. Runs in the document-reading worker only: a 300 dpi A4
 * page is tens of millions of pixel operations.
 */
import * as utifModule from 'utif2';
import { DocumentInputError } from '../../shared/document-reading/input-file';
import { toGray, type GrayRaster } from '../../shared/document-reading/raster';
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

type Ifd = ReturnType<typeof UTIF.decode>[number];

/** Page `index` (0-based) decoded by utif2 (its samples, not yet converted). */
function decodedPage(bytes: Uint8Array, file: string, index: number): Ifd {
  const count = tiffPageCount(bytes, file);
  if (index < 0 || index >= count) throw new RangeError(`TIFF page ${index + 1} of ${count}`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const ifd = UTIF.decode(buffer)[index];
    UTIF.decodeImage(buffer, ifd);
    if (!ifd.width || !ifd.height || !ifd.data) throw new Error('no pixels');
    return ifd;
  } catch {
    throw new DocumentInputError('corrupt', file);
  }
}

const tag = (ifd: Ifd, id: number): number | undefined => (ifd[`t${id}`] as number[] | undefined)?.[0];

/**
 * Gray straight from the samples of a bilevel or 8-bit gray page (what scanners write for forms and
 * IDs): a quarter of the writes of RGBA, and no RGBA-to-gray pass. Null for any other layout.
 */
function grayOf(ifd: Ifd): Uint8Array | null {
  const photometric = tag(ifd, 262);
  const bits = tag(ifd, 258) ?? 1;
  if ((photometric !== 0 && photometric !== 1) || (tag(ifd, 277) ?? 1) !== 1 || (bits !== 1 && bits !== 8)) return null;
  const { width, height, data } = ifd;
  const rowBytes = Math.ceil((width * bits) / 8);
  if (data.length < rowBytes * height) return null;
  const gray = new Uint8Array(width * height);
  const [zero, one] = photometric === 1 ? [0, 255] : [255, 0];
  for (let y = 0; y < height; y += 1) {
    const row = y * rowBytes;
    const out = y * width;
    if (bits === 8) {
      for (let x = 0; x < width; x += 1) gray[out + x] = photometric === 1 ? data[row + x] : 255 - data[row + x];
    } else {
      for (let x = 0; x < width; x += 1) gray[out + x] = (data[row + (x >> 3)] >> (7 - (x & 7))) & 1 ? one : zero;
    }
  }
  return gray;
}

/** Page `index` (0-based) as 8-bit gray, for reading. */
export function decodeTiffGray(bytes: Uint8Array, file: string, index: number): GrayRaster {
  const ifd = decodedPage(bytes, file, index);
  const gray = grayOf(ifd);
  if (gray) return { width: ifd.width, height: ifd.height, data: gray };
  const rgba = rgbaOf(ifd, file);
  return toGray(rgba.data, rgba.width, rgba.height, 4);
}

function rgbaOf(ifd: Ifd, file: string): RgbaPage {
  try {
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length !== ifd.width * ifd.height * 4) throw new Error('short page');
    return { data: new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.length), width: ifd.width, height: ifd.height };
  } catch {
    throw new DocumentInputError('corrupt', file);
  }
}

/** Page `index` (0-based) as RGBA, 8 bits a channel. */
export function decodeTiffPage(bytes: Uint8Array, file: string, index: number): RgbaPage {
  return rgbaOf(decodedPage(bytes, file, index), file);
}

/** Page `page` (1-based, clamped) as a bitmap for the screen, with the page count. */
export async function tiffPageImage(bytes: Uint8Array, file: string, page: number): Promise<{ bitmap: ImageBitmap; pageCount: number }> {
  const pageCount = tiffPageCount(bytes, file);
  const rgba = decodeTiffPage(bytes, file, Math.min(Math.max(1, page), pageCount) - 1);
  return { bitmap: await createImageBitmap(new ImageData(rgba.data, rgba.width, rgba.height)), pageCount };
}
