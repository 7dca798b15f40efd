/**
 * Pages written as one TIFF, so an edited TIFF scan stays a TIFF with all its pages (browsers can
 * decode none and write none). Deflate (compression 8, a zlib stream from the browser's
 * CompressionStream) is lossless and read by utif2, libtiff and any scanner viewer; a page without
 * colour is written as 8-bit gray (a bilevel scan stays small), any other as 8-bit RGB. One strip a
 * page; alpha is dropped (scans are opaque, the editor draws on white).
 */

export interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const ENTRY_COUNT = 10;

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function samples(page: RgbaPixels): { channels: 1 | 3; data: Uint8Array } {
  const rgba = page.data;
  let gray = true;
  for (let i = 0; i < rgba.length && gray; i += 4) gray = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2];
  const channels = gray ? 1 : 3;
  const data = new Uint8Array(page.width * page.height * channels);
  for (let i = 0, o = 0; i < rgba.length; i += 4) {
    data[o++] = rgba[i];
    if (!gray) {
      data[o++] = rgba[i + 1];
      data[o++] = rgba[i + 2];
    }
  }
  return { channels, data };
}

/** A little-endian TIFF of `pages`, in order. */
export async function encodeTiff(pages: RgbaPixels[]): Promise<Uint8Array> {
  const encoded = await Promise.all(
    pages.map(async (page) => {
      const { channels, data } = samples(page);
      return { page, channels, strip: await deflate(data) };
    }),
  );
  const parts: Uint8Array[] = [];
  let offset = 8;
  const header = new Uint8Array(8);
  const headerView = new DataView(header.buffer);
  header.set([0x49, 0x49, 42, 0]);
  parts.push(header);
  let previousNext = { view: headerView, at: 4 };
  for (const { page, channels, strip } of encoded) {
    const stripAt = offset;
    // Strip, then (RGB) the three BitsPerSample values, then the directory on a word boundary.
    const bitsAt = stripAt + strip.length;
    const bitsLength = channels === 3 ? 6 : 0;
    const pad = (bitsAt + bitsLength) % 2;
    const ifdAt = bitsAt + bitsLength + pad;
    const block = new Uint8Array(strip.length + bitsLength + pad + 2 + ENTRY_COUNT * 12 + 4);
    const view = new DataView(block.buffer);
    block.set(strip, 0);
    if (channels === 3) for (let k = 0; k < 3; k += 1) view.setUint16(strip.length + k * 2, 8, true);
    const ifd = ifdAt - stripAt;
    view.setUint16(ifd, ENTRY_COUNT, true);
    const entries: Array<[tag: number, type: 3 | 4, count: number, value: number]> = [
      [256, 4, 1, page.width],
      [257, 4, 1, page.height],
      [258, 3, channels, channels === 3 ? bitsAt : 8],
      [259, 3, 1, 8],
      [262, 3, 1, channels === 3 ? 2 : 1],
      [273, 4, 1, stripAt],
      [277, 3, 1, channels],
      [278, 4, 1, page.height],
      [279, 4, 1, strip.length],
      [284, 3, 1, 1],
    ];
    entries.forEach(([tag, type, count, value], k) => {
      const at = ifd + 2 + k * 12;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, count, true);
      if (type === 3 && count === 1) view.setUint16(at + 8, value, true);
      else view.setUint32(at + 8, value, true);
    });
    previousNext.view.setUint32(previousNext.at, ifdAt, true);
    previousNext = { view, at: ifd + 2 + ENTRY_COUNT * 12 };
    parts.push(block);
    offset += block.length;
  }
  const out = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
