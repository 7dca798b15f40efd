import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tiffLayout } from '../../../shared/document-reading/tiff-structure';
import { decodeTiffPage } from '../../../renderer/ocr/tiff-decode';
import { encodeTiff, type RgbaPixels } from '../../../renderer/intake/tiff-write';

function page(width: number, height: number, colour: boolean): RgbaPixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const v = (i * 37) % 251;
    data.set(colour ? [v, 255 - v, (v * 3) % 256, 255] : [v, v, v, 255], i * 4);
  }
  return { width, height, data };
}

describe('an edited TIFF is written back as a TIFF', () => {
  it('keeps every page, gray as 8-bit gray and colour as RGB, Deflate, pixel for pixel', async () => {
    const pages = [page(300, 200, false), page(123, 77, true), page(64, 64, false)];
    const bytes = await encodeTiff(pages);
    const layout = tiffLayout(bytes);
    expect(layout.ok && layout.pages.map((p) => `${p.width}x${p.height}@${p.compression}`)).toEqual(['300x200@8', '123x77@8', '64x64@8']);
    for (const [index, original] of pages.entries()) {
      // The browser's decoder and libtiff read the same pixels back.
      expect(decodeTiffPage(bytes, 'x.tif', index).data).toEqual(original.data);
      expect((await sharp(bytes, { page: index }).metadata()).channels).toBe(index === 1 ? 3 : 1);
      const { data, info } = await sharp(bytes, { page: index }).raw().toBuffer({ resolveWithObject: true });
      for (const pixel of [0, 5, original.width * original.height - 1]) expect([...data.subarray(pixel * info.channels, pixel * info.channels + 3)]).toEqual([...original.data.subarray(pixel * 4, pixel * 4 + 3)]);
    }
  });
});
