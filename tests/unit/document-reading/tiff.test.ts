import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkInputFile, DocumentInputError } from '../../../shared/document-reading/input-file';
import { tiffLayout } from '../../../shared/document-reading/tiff-structure';
import { inspectScanFile } from '../../../shared/intake/scan-file';
import { decodeFile } from '../../../cli/node-decode';
import { decodeTiffGray, decodeTiffPage, tiffPageCount } from '../../../renderer/ocr/tiff-decode';
import { toGray } from '../../../shared/document-reading/raster';
import { joinTiffPages } from '../../corpus/tiff-pages';

const corpusImage = path.resolve('tests/corpus/images/cie-01-back.jpg');
const fixture = (file: string) => new Uint8Array(readFileSync(path.resolve('tests/corpus/tiff', file)));

type Compression = 'none' | 'lzw' | 'deflate' | 'packbits' | 'jpeg' | 'ccittfax4';

/** The corpus ID back (1027 × 648) as a TIFF the way a scanner would write it. */
async function tiff(compression: Compression, colour: 'rgb' | 'gray' | 'bilevel' = 'gray'): Promise<Uint8Array> {
  let image = sharp(corpusImage);
  if (colour === 'gray') image = image.grayscale();
  if (colour === 'bilevel') image = image.threshold(160).toColourspace('b-w');
  return new Uint8Array(await image.tiff({ compression, ...(colour === 'bilevel' ? { bitdepth: 1 } : {}) }).toBuffer());
}

/** Mean absolute difference (0–255) between utif2's page and sharp's (libtiff) decode of the same file. */
async function differenceFromSharp(bytes: Uint8Array, page = 0): Promise<number> {
  const ours = decodeTiffPage(bytes, 'x.tif', page);
  const { data } = await sharp(bytes, { page }).toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let i = 0; i < ours.data.length; i += 4) sum += Math.abs(ours.data[i] - data[i]) + Math.abs(ours.data[i + 1] - data[i + 1]) + Math.abs(ours.data[i + 2] - data[i + 2]);
  return sum / ((ours.data.length / 4) * 3);
}

function inputError(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DocumentInputError ? error.code : `unexpected ${String(error)}`;
  }
}

/** Sets the compression tag of the first page (uncompressed 8-bit TIFF from sharp, little-endian). */
function withCompression(bytes: Uint8Array, code: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const ifd = view.getUint32(4, true);
  for (let k = 0; k < view.getUint16(ifd, true); k += 1) {
    const entry = ifd + 2 + k * 12;
    if (view.getUint16(entry, true) === 259) view.setUint16(entry + 8, code, true);
  }
  return copy;
}

describe('TIFF pages from the directories alone', () => {
  it.each<[Compression, 'rgb' | 'gray' | 'bilevel']>([
    ['none', 'gray'],
    ['none', 'rgb'],
    ['lzw', 'gray'],
    ['lzw', 'rgb'],
    ['deflate', 'gray'],
    ['packbits', 'gray'],
    ['jpeg', 'rgb'],
    ['ccittfax4', 'bilevel'],
    ['none', 'bilevel'],
  ])('%s %s: one page, its size, and utif2 decodes it as libtiff does', async (compression, colour) => {
    const bytes = await tiff(compression, colour);
    expect(tiffLayout(bytes)).toMatchObject({ ok: true, pages: [{ width: 1027, height: 648 }] });
    expect(checkInputFile(bytes, 'x.tif')).toEqual({ format: 'tiff', dimensions: { width: 1027, height: 648 }, pages: 1 });
    // JPEG inside TIFF is lossy and decoders differ by rounding; every other codec is exact.
    expect(await differenceFromSharp(bytes)).toBeLessThan(compression === 'jpeg' ? 3 : 0.01);
    // The reading's gray path (straight from bilevel and gray samples) gives the RGBA path's gray.
    const rgba = decodeTiffPage(bytes, 'x.tif', 0);
    expect(decodeTiffGray(bytes, 'x.tif', 0)).toEqual(toGray(rgba.data, rgba.width, rgba.height, 4));
  });

  it('a multi-page TIFF is pages, like a PDF: capture, the Node reader and the browser decoder agree', async () => {
    const joined = joinTiffPages([await tiff('ccittfax4', 'bilevel'), await tiff('lzw', 'gray'), new Uint8Array(await sharp(corpusImage).resize(400).tiff({ compression: 'none' }).toBuffer())]);
    const layout = tiffLayout(joined);
    expect(layout.ok && layout.pages.map((p) => `${p.width}x${p.height}@${p.compression}`)).toEqual(['1027x648@4', '1027x648@5', '400x252@1']);
    expect(checkInputFile(joined, 'x.tif').pages).toBe(3);
    expect(tiffPageCount(joined, 'x.tif')).toBe(3);
    const node = await decodeFile(joined, 'x.tif');
    expect(node.map((p) => `${p.width}x${p.height}`)).toEqual(['1027x648', '1027x648', '400x252']);
    for (const page of [0, 1, 2]) expect(await differenceFromSharp(joined, page)).toBeLessThan(0.01);
  });

  it('the committed fixtures: an ID front and back in LZW, a two-page signed form in CCITT G4', () => {
    expect(tiffLayout(fixture('cie-01-front.tif'))).toMatchObject({ ok: true, pages: [{ compression: 5 }] });
    expect(tiffLayout(fixture('cie-01-back.tif'))).toMatchObject({ ok: true, pages: [{ compression: 5 }] });
    const form = tiffLayout(fixture('printed-dangelo-signed.tif'));
    expect(form.ok && form.pages.map((p) => p.compression)).toEqual([4, 4]);
  });

  it('refuses a cut file, an unknown codec and a looping directory chain before decoding', async () => {
    const whole = await tiff('lzw');
    // Cut in the middle of the pixel data: the strips point past the end.
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    expect(tiffLayout(cut)).toEqual({ ok: false, problem: 'corrupt' });
    expect(inputError(() => checkInputFile(cut, 'x.tif'))).toBe('corrupt');
    expect(inspectScanFile(cut)).toEqual({ ok: false, problem: 'damaged' });
    // JPEG 2000 in TIFF (34712): utif2 would give a blank page.
    const jpeg2000 = withCompression(await tiff('none'), 34712);
    expect(tiffLayout(jpeg2000)).toEqual({ ok: false, problem: 'unsupported', compression: 34712 });
    expect(inputError(() => checkInputFile(jpeg2000, 'x.tif'))).toBe('tiffUnsupported');
    expect(inspectScanFile(jpeg2000)).toEqual({ ok: false, problem: 'tiff-unsupported' });
    try {
      checkInputFile(jpeg2000, 'scansione.tif');
    } catch (error) {
      expect((error as Error).message).toContain('«scansione.tif» usa una compressione');
    }
    // A directory whose next pointer is itself.
    const looping = new Uint8Array(whole);
    const view = new DataView(looping.buffer);
    const ifd = view.getUint32(4, true);
    view.setUint32(ifd + 2 + view.getUint16(ifd, true) * 12, ifd, true);
    expect(tiffLayout(looping)).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('checks every page against the pixel limit, not only the first', async () => {
    const small = await tiff('none');
    const huge = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000000' } }).grayscale().tiff({ compression: 'none' }).toBuffer());
    // The second page claims 30,000 × 20,000 pixels (600 MP) in its header.
    const view = new DataView(huge.buffer);
    const ifd = view.getUint32(4, true);
    for (let k = 0; k < view.getUint16(ifd, true); k += 1) {
      const entry = ifd + 2 + k * 12;
      const tag = view.getUint16(entry, true);
      const type = view.getUint16(entry + 2, true);
      const value = tag === 256 ? 30_000 : tag === 257 ? 20_000 : null;
      if (value !== null && type === 3) view.setUint16(entry + 8, value, true);
      if (value !== null && type === 4) view.setUint32(entry + 8, value, true);
    }
    const joined = joinTiffPages([small, huge]);
    expect(inputError(() => checkInputFile(joined, 'x.tif'))).toBe('tooLarge');
    expect(inspectScanFile(joined)).toEqual({ ok: false, problem: 'too-many-pixels' });
  });

  it('the truncated TIFF of the bad-input corpus is corrupt for every reader', async () => {
    const truncated = new Uint8Array(readFileSync(path.resolve('tests/corpus/bad/truncated.tiff')));
    expect(inputError(() => checkInputFile(truncated, 'truncated.tiff'))).toBe('corrupt');
    expect(inputError(() => tiffPageCount(truncated, 'truncated.tiff'))).toBe('corrupt');
    await expect(decodeFile(truncated, 'truncated.tiff')).rejects.toMatchObject({ code: 'corrupt' });
  });
});
