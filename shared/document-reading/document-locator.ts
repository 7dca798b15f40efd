/**
 * Finds the documents on an image: a card anywhere on a flatbed A4 (slightly rotated), two cards on
 * one page, a card on a desk in a phone photo, or a scan that is the card itself. Works on a small
 * copy of the image: the background is estimated from the border, what differs from it is grouped
 * into connected regions, and a region is a document when its shape is a document's (ID-1 card
 * 1.586, ID-3 passport page and paper ID 1.42). The orientation of each region comes from its
 * second moments, which is the deskew angle.
 */
import { downscale, extractOriented, type GrayRaster, type OrientedRect } from './raster';

const WORK_SIZE = 400;
const MIN_AREA_SHARE = 0.04;
const MIN_ASPECT = 1.25;
const MAX_ASPECT = 1.8;
const WHOLE_IMAGE_SHARE = 0.7;
/** A document is a solid shape: its pixels fill most of its rectangle. */
const MIN_FILL = 0.8;

export interface LocatedDocument {
  /** Where the document is on the source image. */
  rect: OrientedRect;
  /** True when no separate document was found and the whole image is taken as one. */
  wholeImage: boolean;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function borderMedian(r: GrayRaster): number {
  const values: number[] = [];
  for (let x = 0; x < r.width; x += 1) values.push(r.data[x], r.data[(r.height - 1) * r.width + x]);
  for (let y = 0; y < r.height; y += 1) values.push(r.data[y * r.width], r.data[y * r.width + r.width - 1]);
  return median(values);
}

/** Morphological max (dilate) or min (erode) with a square of radius `radius`, separable. */
function morph(mask: Uint8Array, width: number, height: number, radius: number, dilate: boolean): Uint8Array {
  const pick = dilate ? Math.max : Math.min;
  const tmp = new Uint8Array(mask.length);
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let v = mask[y * width + x];
      for (let d = -radius; d <= radius; d += 1) {
        const xx = x + d;
        if (xx >= 0 && xx < width) v = pick(v, mask[y * width + xx]);
      }
      tmp[y * width + x] = v;
    }
  }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let v = tmp[y * width + x];
      for (let d = -radius; d <= radius; d += 1) {
        const yy = y + d;
        if (yy >= 0 && yy < height) v = pick(v, tmp[yy * width + x]);
      }
      out[y * width + x] = v;
    }
  }
  return out;
}

interface Region {
  area: number;
  rect: OrientedRect;
}

function regions(mask: Uint8Array, width: number, height: number): Region[] {
  const label = new Int32Array(mask.length).fill(-1);
  const found: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || label[start] >= 0) continue;
    const pixels: number[] = [];
    label[start] = found.length;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop() as number;
      pixels.push(i);
      const x = i % width;
      const y = (i - x) / width;
      const next = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1];
      for (const n of next) {
        if (n >= 0 && mask[n] && label[n] < 0) {
          label[n] = found.length;
          stack.push(n);
        }
      }
    }
    found.push({ area: pixels.length, rect: orientedBounds(pixels, width) });
  }
  return found;
}

/** Oriented bounding rectangle from the principal axis of the pixel cloud. */
function orientedBounds(pixels: number[], width: number): OrientedRect {
  let sx = 0;
  let sy = 0;
  for (const i of pixels) {
    sx += i % width;
    sy += Math.floor(i / width);
  }
  const mx = sx / pixels.length;
  const my = sy / pixels.length;
  let m20 = 0;
  let m02 = 0;
  let m11 = 0;
  for (const i of pixels) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    m20 += dx * dx;
    m02 += dy * dy;
    m11 += dx * dy;
  }
  let angle = 0.5 * Math.atan2(2 * m11, m20 - m02);
  // Documents arrive roughly upright: a portrait page keeps its orientation, only the skew is removed.
  if (angle > Math.PI / 4) angle -= Math.PI / 2;
  if (angle < -Math.PI / 4) angle += Math.PI / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const i of pixels) {
    const dx = (i % width) + 0.5 - mx;
    const dy = Math.floor(i / width) + 0.5 - my;
    const u = dx * cos + dy * sin;
    const v = -dx * sin + dy * cos;
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
  }
  const cu = (minU + maxU) / 2;
  const cv = (minV + maxV) / 2;
  return { cx: mx + cu * cos - cv * sin, cy: my + cu * sin + cv * cos, width: maxU - minU + 1, height: maxV - minV + 1, angle };
}

export function locateDocuments(image: GrayRaster): LocatedDocument[] {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / WORK_SIZE));
  const small = downscale(image, factor);
  const background = borderMedian(small);
  // A scanner lid is near white and a desk is darker than any document; a mid-light border is
  // the document itself filling the image (a scan of the card), whose insides must not be taken
  // for documents.
  if (background < 244 && background > 150) return [wholeImageDocument(image)];
  const mask = new Uint8Array(small.data.length);
  for (let i = 0; i < mask.length; i += 1) mask[i] = Math.abs(small.data[i] - background) > 9 ? 1 : 0;
  const closed = morph(morph(mask, small.width, small.height, 2, true), small.width, small.height, 2, false);
  const total = small.width * small.height;
  const documents = regions(closed, small.width, small.height)
    .filter((r) => {
      const aspect = Math.max(r.rect.width, r.rect.height) / Math.min(r.rect.width, r.rect.height);
      const fill = r.area / (r.rect.width * r.rect.height);
      return r.area >= total * MIN_AREA_SHARE && aspect >= MIN_ASPECT && aspect <= MAX_ASPECT && fill >= MIN_FILL;
    })
    .filter((r) => r.rect.width * r.rect.height < total * WHOLE_IMAGE_SHARE)
    .sort((a, b) => a.rect.cy - b.rect.cy)
    .map((r) => ({
      rect: { cx: r.rect.cx * factor, cy: r.rect.cy * factor, width: r.rect.width * factor, height: r.rect.height * factor, angle: r.rect.angle },
      wholeImage: false,
    }));
  return documents.length > 0 ? documents : [wholeImageDocument(image)];
}

function wholeImageDocument(image: GrayRaster): LocatedDocument {
  return { rect: { cx: image.width / 2, cy: image.height / 2, width: image.width, height: image.height, angle: 0 }, wholeImage: true };
}

/** Long side the OCR works at: ID-1 cards ~1100 px (≈ 13 px/mm), larger pages ~1500 px. */
function targetLongSide(rect: OrientedRect): number {
  const aspect = Math.max(rect.width, rect.height) / Math.min(rect.width, rect.height);
  return aspect >= 1.5 && aspect <= MAX_ASPECT ? 1100 : 1500;
}

/** The document cut out upright at the resolution the OCR works best at. */
export function uprightDocument(image: GrayRaster, located: LocatedDocument): { raster: GrayRaster; scale: number } {
  const long = Math.max(located.rect.width, located.rect.height);
  let scale = targetLongSide(located.rect) / long;
  if (located.wholeImage) scale = long > 2000 ? 2000 / long : long < 900 ? 1100 / long : 1;
  if (located.wholeImage && scale === 1) return { raster: image, scale };
  return { raster: extractOriented(image, located.rect, scale), scale };
}
