/**
 * The pages of a TIFF from its directories alone (no pixel decoded): size, compression, colour
 * model, and whether every strip or tile of pixel data is inside the file. Scanners write TIFF as
 * CCITT G4 bilevel, LZW, Deflate, PackBits, JPEG or uncompressed, often several pages in one file;
 * anything else (JPEG 2000, RAW camera codecs, BigTIFF) is refused before a decoder is asked, since
 * the decoders would give a blank page instead of an error. Shared by the capture check, the Node
 * decoder (sharp) and the browser decoder (utif2), so all three accept the same files.
 */

export interface TiffPage {
  width: number;
  height: number;
  compression: number;
}

export type TiffLayout =
  | { ok: true; pages: TiffPage[] }
  /** `corrupt`: the directories or the pixel data are cut or point outside the file. */
  | { ok: false; problem: 'corrupt' }
  /** `unsupported`: a compression or colour model no decoder here reads (named for the message). */
  | { ok: false; problem: 'unsupported'; compression: number };

/** Uncompressed, CCITT RLE/G3/G4, LZW, old and new JPEG, Deflate (both codes), PackBits. */
const SUPPORTED_COMPRESSION = new Set([1, 2, 3, 4, 5, 6, 7, 8, 32946, 32773]);
/** WhiteIsZero, BlackIsZero, RGB, palette, CMYK, YCbCr (inside JPEG). */
const SUPPORTED_PHOTOMETRIC = new Set([0, 1, 2, 3, 5, 6]);
const SUPPORTED_BITS = new Set([1, 2, 4, 8, 16]);
/** A scanner batch is tens of pages; more is a broken or hostile directory chain. */
export const MAX_TIFF_PAGES = 500;

const TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  stripOffsets: 273,
  stripByteCounts: 279,
  tileOffsets: 324,
  tileByteCounts: 325,
} as const;

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly little: boolean,
  ) {}
  u16(at: number): number {
    const b = this.bytes;
    return this.little ? b[at] | (b[at + 1] << 8) : (b[at] << 8) | b[at + 1];
  }
  u32(at: number): number {
    const b = this.bytes;
    return this.little ? (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0 : ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  }
}

/** A SHORT or LONG entry's values (other types are not needed here: none); null when they lie outside the file. */
function entryValues(read: Reader, length: number, entry: number): number[] | null {
  const type = read.u16(entry + 2);
  const count = read.u32(entry + 4);
  if (type !== 3 && type !== 4) return [];
  const size = type === 3 ? 2 : 4;
  const at = count * size <= 4 ? entry + 8 : read.u32(entry + 8);
  if (at + count * size > length) return null;
  const values: number[] = [];
  for (let k = 0; k < count; k += 1) values.push(type === 3 ? read.u16(at + k * 2) : read.u32(at + k * 4));
  return values;
}

function readPage(read: Reader, length: number, ifd: number): { page: TiffPage; photometric: number; bits: number[]; complete: boolean } | null {
  if (ifd + 2 > length) return null;
  const count = read.u16(ifd);
  if (ifd + 2 + count * 12 + 4 > length) return null;
  const tags = new Map<number, number[]>();
  for (let k = 0; k < count; k += 1) {
    const entry = ifd + 2 + k * 12;
    const values = entryValues(read, length, entry);
    if (values === null) return null;
    tags.set(read.u16(entry), values);
  }
  const first = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
  const width = first(TAG.width, 0);
  const height = first(TAG.height, 0);
  if (!width || !height) return null;
  const offsets = tags.get(TAG.stripOffsets) ?? tags.get(TAG.tileOffsets) ?? [];
  const counts = tags.get(TAG.stripByteCounts) ?? tags.get(TAG.tileByteCounts) ?? [];
  // Uncompressed single-strip files may leave the byte count out; the offset must still be inside.
  const complete = offsets.length > 0 && offsets.every((offset, i) => offset < length && offset + (counts[i] ?? 0) <= length);
  return { page: { width, height, compression: first(TAG.compression, 1) }, photometric: first(TAG.photometric, 1), bits: tags.get(TAG.bitsPerSample) ?? [1], complete };
}

/** Every page of the TIFF, or why it cannot be decoded. */
export function tiffLayout(bytes: Uint8Array): TiffLayout {
  if (bytes.length < 8) return { ok: false, problem: 'corrupt' };
  const read = new Reader(bytes, bytes[0] === 0x49);
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  let ifd = read.u32(4);
  while (ifd !== 0) {
    if (seen.has(ifd) || pages.length >= MAX_TIFF_PAGES) return { ok: false, problem: 'corrupt' };
    seen.add(ifd);
    const found = readPage(read, bytes.length, ifd);
    if (!found || !found.complete) return { ok: false, problem: 'corrupt' };
    const { page, photometric, bits } = found;
    if (!SUPPORTED_COMPRESSION.has(page.compression) || !SUPPORTED_PHOTOMETRIC.has(photometric) || !bits.every((b) => SUPPORTED_BITS.has(b))) {
      return { ok: false, problem: 'unsupported', compression: page.compression };
    }
    pages.push(page);
    ifd = read.u32(ifd + 2 + read.u16(ifd) * 12);
  }
  return pages.length > 0 ? { ok: true, pages } : { ok: false, problem: 'corrupt' };
}
