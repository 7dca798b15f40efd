/**
 * The straightening a clerk applies to a scan: quarter turns clockwise, then a small straightening
 * angle (a crooked phone photo), then a crop. The straightened image is the whole turned image
 * rotated about its centre on a canvas just large enough to hold it (the corners it uncovers are
 * white); the crop is in that image's pixels. Pure geometry, so the editor, the canvas that
 * applies it and the tests agree on every pixel.
 */
import type { Box } from '../document-reading/raster';

export type QuarterTurn = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

export interface ScanTransform {
  rotation: QuarterTurn;
  /** Degrees clockwise after the quarter turn, within ±STRAIGHTEN_LIMIT in STRAIGHTEN_STEP steps. */
  angle: number;
  /** In pixels of the straightened image; null keeps the whole image. */
  crop: Box | null;
}

export const NO_TRANSFORM: ScanTransform = { rotation: 0, angle: 0, crop: null };

/** A scan more crooked than this wants a quarter turn, or capturing again. */
export const STRAIGHTEN_LIMIT = 15;
export const STRAIGHTEN_STEP = 0.5;

/** A crop smaller than this would leave nothing to read. */
export const MIN_CROP_SIDE = 32;

export function turnedSize(size: Size, rotation: QuarterTurn): Size {
  return rotation === 90 || rotation === 270 ? { width: size.height, height: size.width } : { ...size };
}

/** Where a box of an image of `size` lands once the image is turned clockwise by `turn`. */
export function turnBox(box: Box, size: Size, turn: QuarterTurn): Box {
  switch (turn) {
    case 0:
      return { ...box };
    case 90:
      return { x: size.height - box.y - box.height, y: box.x, width: box.height, height: box.width };
    case 180:
      return { x: size.width - box.x - box.width, y: size.height - box.y - box.height, width: box.width, height: box.height };
    case 270:
      return { x: box.y, y: size.width - box.x - box.width, width: box.height, height: box.width };
  }
}

/** An angle the editor accepts: whole steps, within the limit (−0 becomes 0). */
export function clampAngle(degrees: number): number {
  const stepped = Math.round(degrees / STRAIGHTEN_STEP) * STRAIGHTEN_STEP;
  return Math.min(STRAIGHTEN_LIMIT, Math.max(-STRAIGHTEN_LIMIT, stepped)) + 0;
}

/** The canvas that holds an image of `size` rotated by `degrees`: its bounding box, in whole pixels. */
export function rotatedSize(size: Size, degrees: number): Size {
  if (degrees === 0) return { ...size };
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  // The tolerance keeps float noise from adding a pixel.
  return { width: Math.ceil(size.width * cos + size.height * sin - 1e-6), height: Math.ceil(size.width * sin + size.height * cos - 1e-6) };
}

/** The straightened image's size: turned, then rotated by the angle. */
export function straightenedSize(original: Size, transform: Pick<ScanTransform, 'rotation' | 'angle'>): Size {
  return rotatedSize(turnedSize(original, transform.rotation), transform.angle);
}

/** Where a point of an image of `size` lands once it is rotated by `degrees` clockwise about its centre. */
export function rotatePoint(x: number, y: number, size: Size, degrees: number): [number, number] {
  const out = rotatedSize(size, degrees);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const dx = x - size.width / 2;
  const dy = y - size.height / 2;
  return [out.width / 2 + dx * cos - dy * sin, out.height / 2 + dx * sin + dy * cos];
}

/** A box through an arbitrary rotation: the upright box holding its four rotated corners. */
export function rotateBox(box: Box, size: Size, degrees: number): Box {
  if (degrees === 0) return { ...box };
  const corners = [
    rotatePoint(box.x, box.y, size, degrees),
    rotatePoint(box.x + box.width, box.y, size, degrees),
    rotatePoint(box.x, box.y + box.height, size, degrees),
    rotatePoint(box.x + box.width, box.y + box.height, size, degrees),
  ];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The largest crop of the turned image's shape that lies wholly inside the image once it is rotated
 * by `degrees`: what a straightened photo keeps without white corners.
 */
export function innerCrop(size: Size, degrees: number): Box {
  const out = rotatedSize(size, degrees);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const k = Math.min(1, size.width / (size.width * cos + size.height * sin), size.height / (size.width * sin + size.height * cos));
  const left = (out.width - size.width * k) / 2;
  const top = (out.height - size.height * k) / 2;
  const x = Math.ceil(left - 1e-6);
  const y = Math.ceil(top - 1e-6);
  return clampCrop({ x, y, width: Math.floor(left + size.width * k + 1e-6) - x, height: Math.floor(top + size.height * k + 1e-6) - y }, out);
}

/**
 * Straightens by `degrees` (clamped to the editor's range): the crop becomes the largest one
 * without white corners, since a crop drawn on the previous angle no longer frames the same part.
 */
export function straighten(transform: ScanTransform, original: Size, degrees: number): ScanTransform {
  const angle = clampAngle(degrees);
  return { rotation: transform.rotation, angle, crop: angle === 0 ? null : innerCrop(turnedSize(original, transform.rotation), angle) };
}

/** Whole pixels, inside the image, at least MIN_CROP_SIDE a side (or the whole side when the image is smaller). */
export function clampCrop(box: Box, size: Size): Box {
  const minWidth = Math.min(MIN_CROP_SIDE, size.width);
  const minHeight = Math.min(MIN_CROP_SIDE, size.height);
  const width = Math.round(Math.min(size.width, Math.max(minWidth, box.width)));
  const height = Math.round(Math.min(size.height, Math.max(minHeight, box.height)));
  const x = Math.round(Math.min(size.width - width, Math.max(0, box.x)));
  const y = Math.round(Math.min(size.height - height, Math.max(0, box.y)));
  return { x, y, width, height };
}

/**
 * One more quarter turn clockwise; a crop already drawn turns with the image (rotations about the
 * centre commute, so the straightened image turns as a whole).
 */
export function turnClockwise(transform: ScanTransform, original: Size): ScanTransform {
  const before = straightenedSize(original, transform);
  return {
    rotation: ((transform.rotation + 90) % 360) as QuarterTurn,
    angle: transform.angle,
    crop: transform.crop && turnBox(transform.crop, before, 90),
  };
}

/** One quarter turn back (anticlockwise): three clockwise turns. */
export function turnAnticlockwise(transform: ScanTransform, original: Size): ScanTransform {
  return turnClockwise(turnClockwise(turnClockwise(transform, original), original), original);
}

export type CropHandle = 'move' | 'nw' | 'ne' | 'sw' | 'se';

/**
 * The crop after dragging a handle by (dx, dy) image pixels: a corner moves its two edges, `move`
 * moves the whole selection; the opposite corner stays put and the result stays inside the image.
 */
export function dragCrop(crop: Box, handle: CropHandle, dx: number, dy: number, size: Size): Box {
  if (handle === 'move') return clampCrop({ ...crop, x: crop.x + dx, y: crop.y + dy }, size);
  let left = crop.x;
  let top = crop.y;
  let right = crop.x + crop.width;
  let bottom = crop.y + crop.height;
  const min = (side: number) => Math.min(MIN_CROP_SIDE, side);
  if (handle === 'nw' || handle === 'sw') left = Math.max(0, Math.min(right - min(size.width), left + dx));
  else right = Math.min(size.width, Math.max(left + min(size.width), right + dx));
  if (handle === 'nw' || handle === 'ne') top = Math.max(0, Math.min(bottom - min(size.height), top + dy));
  else bottom = Math.min(size.height, Math.max(top + min(size.height), bottom + dy));
  return clampCrop({ x: left, y: top, width: right - left, height: bottom - top }, size);
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/** Arrow keys move the selection; with `resize` (Shift) they move its bottom-right corner. */
export function nudgeCrop(crop: Box, key: ArrowKey, step: number, resize: boolean, size: Size): Box {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  return dragCrop(crop, resize ? 'se' : 'move', dx, dy, size);
}

/** True when applying the transform would give back the same image. */
export function isIdentity(transform: ScanTransform, original: Size): boolean {
  if (transform.rotation !== 0 || transform.angle !== 0) return false;
  const crop = transform.crop;
  return crop === null || (crop.x === 0 && crop.y === 0 && crop.width === original.width && crop.height === original.height);
}

/** The output image's size. */
export function transformedSize(transform: ScanTransform, original: Size): Size {
  return transform.crop ? { width: transform.crop.width, height: transform.crop.height } : straightenedSize(original, transform);
}

/**
 * Where a box read on the original lands on the transformed image, clipped to the crop; null when
 * the crop cut it away entirely.
 */
export function boxThroughTransform(box: Box, original: Size, transform: ScanTransform): Box | null {
  const turned = rotateBox(turnBox(box, original, transform.rotation), turnedSize(original, transform.rotation), transform.angle);
  const crop = transform.crop ?? { x: 0, y: 0, ...straightenedSize(original, transform) };
  const left = Math.max(turned.x, crop.x);
  const top = Math.max(turned.y, crop.y);
  const right = Math.min(turned.x + turned.width, crop.x + crop.width);
  const bottom = Math.min(turned.y + turned.height, crop.y + crop.height);
  if (right <= left || bottom <= top) return null;
  return { x: left - crop.x, y: top - crop.y, width: right - left, height: bottom - top };
}

/** The audit detail: what was done (on which page of a multi-page scan), in non-personal terms. */
export function describeTransform(transform: ScanTransform, page?: number): string {
  const crop = transform.crop;
  const where = page === undefined ? '' : `page=${page};`;
  const straightened = transform.angle === 0 ? '' : `;straighten=${transform.angle}`;
  return `${where}rotate=${transform.rotation}${straightened};crop=${crop ? `${crop.x},${crop.y},${crop.width},${crop.height}` : 'none'}`;
}
