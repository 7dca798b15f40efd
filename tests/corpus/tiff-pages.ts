/**
 * Joins single-page little-endian TIFFs (as sharp writes them) into one multi-page TIFF, the way a
 * scanner's document feeder writes a batch: each file's bytes are appended, every offset in its
 * directory moved by where it now starts, and the directories chained. Test material only.
 */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const POINTER_TAGS = new Set([273, 324]);

export function joinTiffPages(pages: Uint8Array[]): Uint8Array {
  let base = 0;
  let previousNext = -1;
  let out = new Uint8Array(0);
  for (const page of pages) {
    const bytes = new Uint8Array(page);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes[0] !== 0x49) throw new Error('little-endian TIFF only');
    // Appended after the previous pages, without its 8-byte header (offsets stay measured from the file start).
    const shift = base === 0 ? 0 : base - 8;
    const ifd = view.getUint32(4, true);
    const count = view.getUint16(ifd, true);
    if (base !== 0) {
      for (let k = 0; k < count; k += 1) {
        const entry = ifd + 2 + k * 12;
        const tag = view.getUint16(entry, true);
        const type = view.getUint16(entry + 2, true);
        const n = view.getUint32(entry + 4, true);
        const size = (TYPE_SIZE[type] ?? 1) * n;
        const valuesAt = size > 4 ? view.getUint32(entry + 8, true) : entry + 8;
        if (size > 4) view.setUint32(entry + 8, valuesAt + shift, true);
        if (POINTER_TAGS.has(tag)) {
          for (let i = 0; i < n; i += 1) {
            if (type === 3) view.setUint16(valuesAt + i * 2, view.getUint16(valuesAt + i * 2, true) + shift, true);
            else view.setUint32(valuesAt + i * 4, view.getUint32(valuesAt + i * 4, true) + shift, true);
          }
        }
      }
    }
    const nextAt = ifd + 2 + count * 12;
    const body = base === 0 ? bytes : bytes.subarray(8);
    const joined = new Uint8Array(out.length + body.length);
    joined.set(out);
    joined.set(body, out.length);
    const joinedView = new DataView(joined.buffer);
    if (previousNext >= 0) joinedView.setUint32(previousNext, ifd + shift, true);
    previousNext = nextAt + shift;
    joinedView.setUint32(previousNext, 0, true);
    out = joined;
    base = out.length;
  }
  return out;
}
