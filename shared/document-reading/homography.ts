/**
 * Plane projective transforms (homographies): how the pixels of an upright document map onto the
 * image it was found on. A rotated rectangle is the affine special case; a card photographed from
 * the side needs the full eight degrees of freedom.
 */
import type { Box, OrientedRect } from './raster';

export interface Point {
  x: number;
  y: number;
}

/** Four corners, in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** A 3×3 matrix, row-major; maps (x, y, 1) to (X·w, Y·w, w). */
export type Homography = readonly number[];

function multiply(a: Homography, b: Homography): number[] {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r += 1) for (let c = 0; c < 3; c += 1) for (let k = 0; k < 3; k += 1) out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c];
  return out;
}

/** Moves the points' centroid to the origin and their mean distance to √2 (Hartley), for a well-conditioned solve. */
function normalising(points: Quad): { forward: Homography; inverse: Homography } {
  const mx = points.reduce((s, p) => s + p.x, 0) / 4;
  const my = points.reduce((s, p) => s + p.y, 0) / 4;
  const spread = points.reduce((s, p) => s + Math.hypot(p.x - mx, p.y - my), 0) / 4;
  const k = spread > 0 ? Math.SQRT2 / spread : 1;
  return { forward: [k, 0, -k * mx, 0, k, -k * my, 0, 0, 1], inverse: [1 / k, 0, mx, 0, 1 / k, my, 0, 0, 1] };
}

/** Solves A·x = b (8×8) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-9) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    for (let r = col + 1; r < n; r += 1) {
      const f = a[r][col] / a[col][col];
      for (let c = col; c < n; c += 1) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let s = b[r];
    for (let c = r + 1; c < n; c += 1) s -= a[r][c] * x[c];
    x[r] = s / a[r][r];
  }
  return x;
}

export function mapPoint(h: Homography, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

/**
 * The homography taking each corner of `from` to the same corner of `to`; null when either
 * quadrilateral is degenerate (three corners on a line, a fold: no projective map between them).
 */
export function homographyBetween(from: Quad, to: Quad): Homography | null {
  const nf = normalising(from);
  const nt = normalising(to);
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const p = mapPoint(nf.forward, from[i]);
    const q = mapPoint(nt.forward, to[i]);
    a.push([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x]);
    b.push(q.x);
    a.push([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y]);
    b.push(q.y);
  }
  const x = solve(a, b);
  if (!x || !x.every(Number.isFinite)) return null;
  const n = [...x, 1];
  // A singular map squashes the plane onto a line: two corners in one place, three on a line.
  if (Math.abs(n[0] * (n[4] * n[8] - n[5] * n[7]) - n[1] * (n[3] * n[8] - n[5] * n[6]) + n[2] * (n[3] * n[7] - n[4] * n[6])) < 1e-6) return null;
  const h = multiply(nt.inverse, multiply(n, nf.forward));
  // Every corner must lie on the same side of the line the map sends to infinity, or the map folds the quadrilateral.
  const w = from.map((p) => h[6] * p.x + h[7] * p.y + h[8]);
  if (!w.every((v) => v > 1e-12) && !w.every((v) => v < -1e-12)) return null;
  return h.map((v) => v / h[8]);
}

/** `outer` after `inner`: a point goes through `inner` first. */
export function composeHomographies(outer: Homography, inner: Homography): Homography {
  return multiply(outer, inner);
}

/** The map from an upright cut-out (scaled by `scale`) to the source image, for a rotated rectangle. */
export function rectToSource(rect: OrientedRect, scale: number): Homography {
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  const ox = -rect.width / 2;
  const oy = -rect.height / 2;
  return [cos / scale, -sin / scale, rect.cx + ox * cos - oy * sin, sin / scale, cos / scale, rect.cy + ox * sin + oy * cos, 0, 0, 1];
}

/** The axis-aligned box on the source image that a box of the cut-out covers. */
export function boxOnSource(box: Box, toSource: Homography): Box {
  const corners = [
    { x: box.x, y: box.y },
    { x: box.x + box.width, y: box.y },
    { x: box.x, y: box.y + box.height },
    { x: box.x + box.width, y: box.y + box.height },
  ].map((p) => mapPoint(toSource, p));
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}
