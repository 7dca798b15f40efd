/**
 * Finds the documents on an image: a card anywhere on a flatbed A4 (slightly rotated), two cards on
 * one page, a card on a desk in a phone photo, or a scan that is the card itself. Works on a small
 * copy of the image: the background is estimated from the border, what differs from it is grouped
 * into connected regions, and a region is a document when its shape is a document's (ID-1 card
 * 1.586, ID-3 passport page and paper ID 1.42). The orientation of each region comes from its
 * second moments, which is the deskew angle. A region whose outline is a clear trapezoid (a card
 * photographed from the side) also gets its four corners, and is cut out through a homography.
 */
import { documentQuad } from './document-quad';
import { homographyBetween, rectToSource, type Homography, type Point, type Quad } from './homography';
import { downscale, evenLight, extractOriented, warpToUpright, type GrayRaster, type OrientedRect } from './raster';

const WORK_SIZE = 400;
const MIN_AREA_SHARE = 0.04;
const MIN_ASPECT = 1.25;
const MAX_ASPECT = 1.8;
const WHOLE_IMAGE_SHARE = 0.7;
/** Grey levels a document must differ from an even background by. */
const MIN_CONTRAST = 9;
/** A document is a solid shape: its pixels fill most of its rectangle. */
const MIN_FILL = 0.8;
/** A quadrilateral this close to a rectangle is cut out as the rotated rectangle (scans, flatbeds). */
const SQUARE_CORNER_TOLERANCE_DEG = 1;
const PARALLEL_SIDES_TOLERANCE = 0.015;
/** Width over height of the documents read: ID-1 cards, ID-3 passport pages and paper IDs. */
const DOCUMENT_ASPECTS = [1.586, 1.42];

export interface LocatedDocument {
  /** Where the document is on the source image. */
  rect: OrientedRect;
  /** Its corners on the source image (top-left first, clockwise) when it is seen in perspective. */
  quad: Quad | null;
  /** True when no separate document was found and the whole image is taken as one. */
  wholeImage: boolean;
}

/** The border's median (the background) and how much it varies (10th to 90th percentile). */
function borderLevels(r: GrayRaster): { background: number; spread: number } {
  const values: number[] = [];
  for (let x = 0; x < r.width; x += 1) values.push(r.data[x], r.data[(r.height - 1) * r.width + x]);
  for (let y = 0; y < r.height; y += 1) values.push(r.data[y * r.width], r.data[y * r.width + r.width - 1]);
  values.sort((a, b) => a - b);
  const at = (share: number) => values[Math.floor(values.length * share)];
  return { background: at(0.5), spread: at(0.9) - at(0.1) };
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
  pixels: number[];
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
    found.push({ pixels, rect: orientedBounds(pixels, width) });
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
  const { background, spread } = borderLevels(small);
  // A scanner lid is near white and a desk is darker than any document; a mid-light border is
  // the document itself filling the image (a scan of the card), whose insides must not be taken
  // for documents.
  if (background < 244 && background > 150) return cardPairOrWhole(image);
  const onDesk = background <= 150;
  // A desk lit unevenly (light from one side, a phone's darker corners) varies across the border:
  // only what differs from it by more than that variation is a document.
  const threshold = Math.max(MIN_CONTRAST, spread);
  const mask = new Uint8Array(small.data.length);
  for (let i = 0; i < mask.length; i += 1) mask[i] = Math.abs(small.data[i] - background) > threshold ? 1 : 0;
  const closed = morph(morph(mask, small.width, small.height, 2, true), small.width, small.height, 2, false);
  const total = small.width * small.height;
  const documents = regions(closed, small.width, small.height)
    .filter((r) => {
      const aspect = Math.max(r.rect.width, r.rect.height) / Math.min(r.rect.width, r.rect.height);
      const fill = r.pixels.length / (r.rect.width * r.rect.height);
      return r.pixels.length >= total * MIN_AREA_SHARE && aspect >= MIN_ASPECT && aspect <= MAX_ASPECT && fill >= MIN_FILL;
    })
    .filter((r) => r.rect.width * r.rect.height < total * WHOLE_IMAGE_SHARE)
    .sort((a, b) => a.rect.cy - b.rect.cy)
    .map((r) => {
      // Only a photo has perspective: a scanner lid (near white) is orthographic.
      const quad = onDesk ? documentQuad(r.pixels, small.width, r.rect) : null;
      return {
        rect: { cx: r.rect.cx * factor, cy: r.rect.cy * factor, width: r.rect.width * factor, height: r.rect.height * factor, angle: r.rect.angle },
        quad: quad && inPerspective(quad) ? scaled(quad, factor) : null,
        wholeImage: false,
      };
    });
  return documents.length > 0 ? documents : [wholeImageDocument(image)];
}

/** Height over width of two ID-1 cards one above the other (2 × 54 / 85.6), and side by side. */
const STACKED_PAIR = 1.26;
const SIDE_BY_SIDE_PAIR = 3.17;
/** log-ratio: an A4 page (1.41) is well outside. */
const PAIR_TOLERANCE = 0.07;

/**
 * A copy of both card sides cut to the cards themselves (the image an applicant sends, the
 * Ministry's facsimile) has no background to separate them by: its shape tells. Each half is then
 * read as one side, so the front's printed fields are not lost to the back's MRZ.
 */
function cardPairOrWhole(image: GrayRaster): LocatedDocument[] {
  const tall = image.height / image.width;
  const wide = image.width / image.height;
  if (Math.abs(Math.log(tall / STACKED_PAIR)) < PAIR_TOLERANCE) {
    const h = image.height / 2;
    return [0, 1].map((i) => ({ rect: { cx: image.width / 2, cy: h * i + h / 2, width: image.width, height: h, angle: 0 }, quad: null, wholeImage: false }));
  }
  if (Math.abs(Math.log(wide / SIDE_BY_SIDE_PAIR)) < PAIR_TOLERANCE) {
    const w = image.width / 2;
    return [0, 1].map((i) => ({ rect: { cx: w * i + w / 2, cy: image.height / 2, width: w, height: image.height, angle: 0 }, quad: null, wholeImage: false }));
  }
  return [wholeImageDocument(image)];
}

function wholeImageDocument(image: GrayRaster): LocatedDocument {
  return { rect: { cx: image.width / 2, cy: image.height / 2, width: image.width, height: image.height, angle: 0 }, quad: null, wholeImage: true };
}

function scaled(q: Quad, factor: number): Quad {
  const s = (p: Point) => ({ x: p.x * factor, y: p.y * factor });
  return [s(q[0]), s(q[1]), s(q[2]), s(q[3])];
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Whether a quadrilateral is far enough from a rectangle to need a perspective correction. */
function inPerspective(q: Quad): boolean {
  for (let i = 0; i < 4; i += 1) {
    const prev = q[(i + 3) % 4];
    const next = q[(i + 1) % 4];
    const cos = ((prev.x - q[i].x) * (next.x - q[i].x) + (prev.y - q[i].y) * (next.y - q[i].y)) / (distance(prev, q[i]) * distance(next, q[i]));
    if (Math.abs((Math.acos(cos) * 180) / Math.PI - 90) > SQUARE_CORNER_TOLERANCE_DEG) return true;
  }
  const [top, right, bottom, left] = [0, 1, 2, 3].map((i) => distance(q[i], q[(i + 1) % 4]));
  return Math.abs(top / bottom - 1) > PARALLEL_SIDES_TOLERANCE || Math.abs(left / right - 1) > PARALLEL_SIDES_TOLERANCE;
}

/** The known document shape nearest to what the quadrilateral's sides suggest, in its orientation. */
function uprightSize(q: Quad): { width: number; height: number } {
  const across = (distance(q[0], q[1]) + distance(q[3], q[2])) / 2;
  const down = (distance(q[1], q[2]) + distance(q[0], q[3])) / 2;
  const seen = Math.max(across, down) / Math.min(across, down);
  const aspect = DOCUMENT_ASPECTS.reduce((best, a) => (Math.abs(Math.log(a / seen)) < Math.abs(Math.log(best / seen)) ? a : best));
  const long = aspect >= 1.5 ? 1100 : 1500;
  const short = Math.round(long / aspect);
  return across >= down ? { width: long, height: short } : { width: short, height: long };
}

/** Long side the OCR works at: ID-1 cards ~1100 px (≈ 13 px/mm), larger pages ~1500 px. */
function targetLongSide(rect: OrientedRect): number {
  const aspect = Math.max(rect.width, rect.height) / Math.min(rect.width, rect.height);
  return aspect >= 1.5 && aspect <= MAX_ASPECT ? 1100 : 1500;
}

/** An upright document and the map from its pixels to the source image's (for evidence boxes). */
export interface UprightDocument {
  raster: GrayRaster;
  toSource: Homography;
}

/** The document cut out upright at the resolution the OCR works best at. */
export function uprightDocument(image: GrayRaster, located: LocatedDocument): UprightDocument {
  if (located.quad) {
    const { width, height } = uprightSize(located.quad);
    const corners: Quad = [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: width, y: height },
      { x: 0, y: height },
    ];
    const toSource = homographyBetween(corners, located.quad);
    if (toSource) return { raster: evenLight(warpToUpright(image, toSource, width, height)), toSource };
  }
  const long = Math.max(located.rect.width, located.rect.height);
  let scale = targetLongSide(located.rect) / long;
  if (located.wholeImage) scale = long > 2000 ? 2000 / long : long < 900 ? 1100 / long : 1;
  const toSource = rectToSource(located.rect, scale);
  if (located.wholeImage && scale === 1) return { raster: image, toSource };
  return { raster: extractOriented(image, located.rect, scale), toSource };
}
