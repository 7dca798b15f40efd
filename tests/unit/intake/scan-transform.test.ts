import { describe, expect, it } from 'vitest';
import {
  boxThroughTransform,
  clampCrop,
  describeTransform,
  clampAngle,
  dragCrop,
  innerCrop,
  isIdentity,
  MIN_CROP_SIDE,
  NO_TRANSFORM,
  nudgeCrop,
  rotateBox,
  rotatedSize,
  rotatePoint,
  straighten,
  straightenedSize,
  STRAIGHTEN_LIMIT,
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
    let transform: ScanTransform = { rotation: 0, angle: 0, crop: box };
    transform = turnClockwise(transform, size);
    expect(transform).toEqual({ rotation: 90, angle: 0, crop: { x: 230, y: 10, width: 50, height: 100 } });
    for (let i = 0; i < 3; i += 1) transform = turnClockwise(transform, size);
    expect(transform).toEqual({ rotation: 0, angle: 0, crop: box });
    expect(turnAnticlockwise(turnClockwise({ rotation: 180, angle: 0, crop: box }, size), size)).toEqual({ rotation: 180, angle: 0, crop: box });
    expect(turnAnticlockwise(NO_TRANSFORM, size)).toEqual({ rotation: 270, angle: 0, crop: null });
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
    expect(isIdentity({ rotation: 0, angle: 0, crop: { x: 0, y: 0, ...size } }, size)).toBe(true);
    expect(isIdentity({ rotation: 0, angle: 0, crop: box }, size)).toBe(false);
    expect(isIdentity({ rotation: 180, angle: 0, crop: null }, size)).toBe(false);
    expect(transformedSize({ rotation: 90, angle: 0, crop: null }, size)).toEqual({ width: 300, height: 400 });
    expect(transformedSize({ rotation: 90, angle: 0, crop: { x: 1, y: 2, width: 30, height: 40 } }, size)).toEqual({ width: 30, height: 40 });
  });

  it('maps a box read on the original onto the edited image, clipped by the crop, or null when cut away', () => {
    expect(boxThroughTransform(box, size, NO_TRANSFORM)).toEqual(box);
    expect(boxThroughTransform(box, size, { rotation: 90, angle: 0, crop: null })).toEqual({ x: 230, y: 10, width: 50, height: 100 });
    expect(boxThroughTransform(box, size, { rotation: 90, angle: 0, crop: { x: 250, y: 0, width: 50, height: 50 } })).toEqual({ x: 0, y: 10, width: 30, height: 40 });
    expect(boxThroughTransform(box, size, { rotation: 0, angle: 0, crop: { x: 200, y: 200, width: 100, height: 100 } })).toBeNull();
  });

  it('describes a transform for the audit log without anything personal', () => {
    expect(describeTransform({ rotation: 270, angle: 0, crop: { x: 1, y: 2, width: 30, height: 40 } })).toBe('rotate=270;crop=1,2,30,40');
    expect(describeTransform(NO_TRANSFORM)).toBe('rotate=0;crop=none');
  });

  it('describes a straightened page of a multi-page scan', () => {
    expect(describeTransform({ rotation: 90, angle: -2.5, crop: null }, 2)).toBe('page=2;rotate=90;straighten=-2.5;crop=none');
  });
});

describe('small-angle straightening geometry', () => {
  const degrees = [-15, -7.5, -0.5, 0.5, 3, 15];
  const inside = ([x, y]: [number, number], s: { width: number; height: number }, slack = 1e-6) => x >= -slack && y >= -slack && x <= s.width + slack && y <= s.height + slack;

  it('keeps angles to half-degree steps within the limit', () => {
    expect(clampAngle(2.26)).toBe(2.5);
    expect(clampAngle(-40)).toBe(-STRAIGHTEN_LIMIT);
    expect(clampAngle(99)).toBe(STRAIGHTEN_LIMIT);
    expect(Object.is(clampAngle(-0.1), 0)).toBe(true);
  });

  it('the rotated canvas is the bounding box, unchanged at 0°, and turns with quarter turns', () => {
    expect(rotatedSize(size, 0)).toEqual(size);
    // 400 cos 10° + 300 sin 10° = 446.02…; 400 sin 10° + 300 cos 10° = 364.91…
    expect(rotatedSize(size, 10)).toEqual({ width: 447, height: 365 });
    expect(rotatedSize(size, -10)).toEqual({ width: 447, height: 365 });
    for (const angle of degrees) {
      const straight = straightenedSize(size, { rotation: 0, angle });
      expect(straightenedSize(size, { rotation: 90, angle })).toEqual({ width: straight.height, height: straight.width });
    }
  });

  it.each(degrees)('at %f° the image corners land inside the canvas and the centre stays the centre', (angle) => {
    const out = rotatedSize(size, angle);
    for (const [x, y] of [[0, 0], [size.width, 0], [0, size.height], [size.width, size.height]] as const) expect(inside(rotatePoint(x, y, size, angle), out)).toBe(true);
    expect(rotatePoint(size.width / 2, size.height / 2, size, angle)).toEqual([out.width / 2, out.height / 2]);
    // Clockwise on screen (y down): the top-right corner moves down at a positive angle.
    const [, yTopRight] = rotatePoint(size.width, 0, size, angle);
    const [, yTopLeft] = rotatePoint(0, 0, size, angle);
    expect(Math.sign(yTopRight - yTopLeft)).toBe(Math.sign(angle));
  });

  it.each(degrees)('a box through a %f° rotation holds its four rotated corners, tightly', (angle) => {
    const rotated = rotateBox(box, size, angle);
    const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]].map(([x, y]) => rotatePoint(x, y, size, angle));
    for (const [x, y] of corners) {
      expect(x).toBeGreaterThanOrEqual(rotated.x - 1e-9);
      expect(y).toBeGreaterThanOrEqual(rotated.y - 1e-9);
      expect(x).toBeLessThanOrEqual(rotated.x + rotated.width + 1e-9);
      expect(y).toBeLessThanOrEqual(rotated.y + rotated.height + 1e-9);
    }
    expect(Math.min(...corners.map(([x]) => x))).toBeCloseTo(rotated.x, 9);
    expect(Math.max(...corners.map(([, y]) => y))).toBeCloseTo(rotated.y + rotated.height, 9);
  });

  it.each(degrees)('the inner crop at %f° lies wholly inside the rotated image, with no white corner', (angle) => {
    const crop = innerCrop(size, angle);
    const out = rotatedSize(size, angle);
    // Map each crop corner back onto the unrotated image: it must fall inside it.
    const back = (x: number, y: number): [number, number] => {
      const r = (-angle * Math.PI) / 180;
      const dx = x - out.width / 2;
      const dy = y - out.height / 2;
      return [size.width / 2 + dx * Math.cos(r) - dy * Math.sin(r), size.height / 2 + dx * Math.sin(r) + dy * Math.cos(r)];
    };
    for (const [x, y] of [[crop.x, crop.y], [crop.x + crop.width, crop.y], [crop.x, crop.y + crop.height], [crop.x + crop.width, crop.y + crop.height]]) expect(inside(back(x, y), size)).toBe(true);
    // Whole pixels, and the same shape as the image within a pixel or two.
    expect([crop.x, crop.y, crop.width, crop.height].every(Number.isInteger)).toBe(true);
    expect(Math.abs(crop.width / crop.height - size.width / size.height)).toBeLessThan(0.02);
    // Not needlessly small: at 3° a 400 × 300 image keeps more than 80 % of its width.
    if (Math.abs(angle) <= 3) expect(crop.width).toBeGreaterThan(0.8 * size.width);
  });

  it('straightening resets the crop to the inner crop; 0° gives back the whole image; turns keep the angle', () => {
    const drawn: ScanTransform = { rotation: 90, angle: 0, crop: { x: 5, y: 5, width: 100, height: 100 } };
    const tilted = straighten(drawn, size, 4.2);
    expect(tilted).toEqual({ rotation: 90, angle: 4, crop: innerCrop({ width: 300, height: 400 }, 4) });
    expect(straighten(tilted, size, 0)).toEqual({ rotation: 90, angle: 0, crop: null });
    expect(isIdentity({ rotation: 0, angle: 0.5, crop: null }, size)).toBe(false);
    const turned = turnClockwise(tilted, size);
    expect(turned.angle).toBe(4);
    expect(turned.crop).toEqual(turnBox(tilted.crop!, straightenedSize(size, tilted), 90));
    expect(turnAnticlockwise(turned, size)).toEqual(tilted);
    expect(transformedSize({ rotation: 0, angle: 10, crop: null }, size)).toEqual({ width: 447, height: 365 });
  });

  it('maps a box read on the original through turn, straightening and crop', () => {
    const transform: ScanTransform = { rotation: 0, angle: 5, crop: null };
    const mapped = boxThroughTransform(box, size, transform)!;
    expect(mapped).toEqual(rotateBox(box, size, 5));
    const cropped = boxThroughTransform(box, size, { ...transform, crop: { x: 40, y: 40, width: 100, height: 100 } })!;
    expect(cropped.x).toBe(0);
    expect(cropped.y).toBe(0);
    expect(cropped.x + cropped.width).toBeCloseTo(mapped.x + mapped.width - 40, 9);
  });
});
