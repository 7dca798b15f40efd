/**
 * The straightening a clerk applies to a scan: quarter turns clockwise, then a crop of the turned
 * image. Pure geometry, so the editor, the canvas that applies it and the tests agree on every pixel.
 */
import type { Box } from '../document-reading/raster';

export type QuarterTurn = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

export interface ScanTransform {
  rotation: QuarterTurn;
  /** In pixels of the turned image; null keeps the whole image. */
  crop: Box | null;
}

export const NO_TRANSFORM: ScanTransform = { rotation: 0, crop: null };

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

/** One more quarter turn clockwise; a crop already drawn turns with the image. */
export function turnClockwise(transform: ScanTransform, original: Size): ScanTransform {
  const before = turnedSize(original, transform.rotation);
  return {
    rotation: ((transform.rotation + 90) % 360) as QuarterTurn,
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
  if (transform.rotation !== 0) return false;
  const crop = transform.crop;
  return crop === null || (crop.x === 0 && crop.y === 0 && crop.width === original.width && crop.height === original.height);
}

/** The output image's size. */
export function transformedSize(transform: ScanTransform, original: Size): Size {
  const turned = turnedSize(original, transform.rotation);
  return transform.crop ? { width: transform.crop.width, height: transform.crop.height } : turned;
}

/**
 * Where a box read on the original lands on the transformed image, clipped to the crop; null when
 * the crop cut it away entirely.
 */
export function boxThroughTransform(box: Box, original: Size, transform: ScanTransform): Box | null {
  const turned = turnBox(box, original, transform.rotation);
  const crop = transform.crop ?? { x: 0, y: 0, ...turnedSize(original, transform.rotation) };
  const left = Math.max(turned.x, crop.x);
  const top = Math.max(turned.y, crop.y);
  const right = Math.min(turned.x + turned.width, crop.x + crop.width);
  const bottom = Math.min(turned.y + turned.height, crop.y + crop.height);
  if (right <= left || bottom <= top) return null;
  return { x: left - crop.x, y: top - crop.y, width: right - left, height: bottom - top };
}

/** The audit detail: what was done, in non-personal terms. */
export function describeTransform(transform: ScanTransform): string {
  const crop = transform.crop;
  return `rotate=${transform.rotation};crop=${crop ? `${crop.x},${crop.y},${crop.width},${crop.height}` : 'none'}`;
}
