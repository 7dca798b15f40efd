import { describe, expect, it } from 'vitest';
import {
  boxThroughTransform,
  clampCrop,
  describeTransform,
  dragCrop,
  isIdentity,
  MIN_CROP_SIDE,
  NO_TRANSFORM,
  nudgeCrop,
  transformedSize,
  turnAnticlockwise,
  turnBox,
  turnClockwise,
  turnedSize,
  type QuarterTurn,
  type ScanTransform,
} from '../../../shared/intake/scan-transform';

const size = { width: 400, height: 300 };
const box = { x: 10, y: 20, width: 100, height: 50 };

/** Where one pixel centre goes when the image turns clockwise (the canvas transform the editor uses). */
function turnPoint(x: number, y: number, s: { width: number; height: number }, turn: QuarterTurn): [number, number] {
  if (turn === 90) return [s.height - y, x];
  if (turn === 180) return [s.width - x, s.height - y];
  if (turn === 270) return [y, s.width - x];
  return [x, y];
}

describe('scan transform geometry', () => {
  it('turns the image size on quarter turns', () => {
    expect(turnedSize(size, 0)).toEqual(size);
    expect(turnedSize(size, 90)).toEqual({ width: 300, height: 400 });
    expect(turnedSize(size, 180)).toEqual(size);
    expect(turnedSize(size, 270)).toEqual({ width: 300, height: 400 });
  });

  it.each([0, 90, 180, 270] as QuarterTurn[])('a box turned by %i° holds the turned corners of the original box', (turn) => {
    const turned = turnBox(box, size, turn);
    const corners = [
      turnPoint(box.x, box.y, size, turn),
      turnPoint(box.x + box.width, box.y + box.height, size, turn),
    ];
    expect(turned.x).toBe(Math.min(corners[0][0], corners[1][0]));
    expect(turned.y).toBe(Math.min(corners[0][1], corners[1][1]));
    expect(turned.width).toBe(Math.abs(corners[0][0] - corners[1][0]));
    expect(turned.height).toBe(Math.abs(corners[0][1] - corners[1][1]));
  });

  it('a crop turns with the image, and four turns give back the same crop', () => {
    let transform: ScanTransform = { rotation: 0, crop: box };
    transform = turnClockwise(transform, size);
    expect(transform).toEqual({ rotation: 90, crop: { x: 230, y: 10, width: 50, height: 100 } });
    for (let i = 0; i < 3; i += 1) transform = turnClockwise(transform, size);
    expect(transform).toEqual({ rotation: 0, crop: box });
    expect(turnAnticlockwise(turnClockwise({ rotation: 180, crop: box }, size), size)).toEqual({ rotation: 180, crop: box });
    expect(turnAnticlockwise(NO_TRANSFORM, size)).toEqual({ rotation: 270, crop: null });
  });

  it('clamps a crop inside the image, in whole pixels, never smaller than the minimum side', () => {
    expect(clampCrop({ x: -30, y: -5, width: 120.4, height: 60.6 }, size)).toEqual({ x: 0, y: 0, width: 120, height: 61 });
    expect(clampCrop({ x: 390, y: 290, width: 100, height: 100 }, size)).toEqual({ x: 300, y: 200, width: 100, height: 100 });
    expect(clampCrop({ x: 10, y: 10, width: 2, height: 1 }, size)).toEqual({ x: 10, y: 10, width: MIN_CROP_SIDE, height: MIN_CROP_SIDE });
    expect(clampCrop({ x: 0, y: 0, width: 9999, height: 9999 }, size)).toEqual({ x: 0, y: 0, ...size });
    expect(clampCrop({ x: 0, y: 0, width: 1, height: 1 }, { width: 10, height: 8 })).toEqual({ x: 0, y: 0, width: 10, height: 8 });
  });

  it('dragging a corner moves only its two edges; dragging the selection moves it whole, inside the image', () => {
    expect(dragCrop(box, 'se', 30, 10, size)).toEqual({ x: 10, y: 20, width: 130, height: 60 });
    expect(dragCrop(box, 'nw', 5, 5, size)).toEqual({ x: 15, y: 25, width: 95, height: 45 });
    expect(dragCrop(box, 'nw', -50, -50, size)).toEqual({ x: 0, y: 0, width: 110, height: 70 });
    expect(dragCrop(box, 'ne', 1000, 0, size)).toEqual({ x: 10, y: 20, width: 390, height: 50 });
    // The opposite corner stays put when a corner is dragged past it.
    expect(dragCrop(box, 'sw', 500, 0, size)).toEqual({ x: 110 - MIN_CROP_SIDE, y: 20, width: MIN_CROP_SIDE, height: 50 });
    expect(dragCrop(box, 'move', 1000, -1000, size)).toEqual({ x: 300, y: 0, width: 100, height: 50 });
  });

  it('arrow keys move the selection, Shift + arrows resize it from the bottom-right corner', () => {
    expect(nudgeCrop(box, 'ArrowRight', 4, false, size)).toEqual({ ...box, x: 14 });
    expect(nudgeCrop(box, 'ArrowUp', 100, false, size)).toEqual({ ...box, y: 0 });
    expect(nudgeCrop(box, 'ArrowLeft', 4, true, size)).toEqual({ ...box, width: 96 });
    expect(nudgeCrop(box, 'ArrowDown', 4, true, size)).toEqual({ ...box, height: 54 });
  });

  it('knows when a transform changes nothing, and the size of the result', () => {
    expect(isIdentity(NO_TRANSFORM, size)).toBe(true);
    expect(isIdentity({ rotation: 0, crop: { x: 0, y: 0, ...size } }, size)).toBe(true);
    expect(isIdentity({ rotation: 0, crop: box }, size)).toBe(false);
    expect(isIdentity({ rotation: 180, crop: null }, size)).toBe(false);
    expect(transformedSize({ rotation: 90, crop: null }, size)).toEqual({ width: 300, height: 400 });
    expect(transformedSize({ rotation: 90, crop: { x: 1, y: 2, width: 30, height: 40 } }, size)).toEqual({ width: 30, height: 40 });
  });

  it('maps a box read on the original onto the edited image, clipped by the crop, or null when cut away', () => {
    expect(boxThroughTransform(box, size, NO_TRANSFORM)).toEqual(box);
    expect(boxThroughTransform(box, size, { rotation: 90, crop: null })).toEqual({ x: 230, y: 10, width: 50, height: 100 });
    expect(boxThroughTransform(box, size, { rotation: 90, crop: { x: 250, y: 0, width: 50, height: 50 } })).toEqual({ x: 0, y: 10, width: 30, height: 40 });
    expect(boxThroughTransform(box, size, { rotation: 0, crop: { x: 200, y: 200, width: 100, height: 100 } })).toBeNull();
  });

  it('describes a transform for the audit log without anything personal', () => {
    expect(describeTransform({ rotation: 270, crop: { x: 1, y: 2, width: 30, height: 40 } })).toBe('rotate=270;crop=1,2,30,40');
    expect(describeTransform(NO_TRANSFORM)).toBe('rotate=0;crop=none');
  });
});
