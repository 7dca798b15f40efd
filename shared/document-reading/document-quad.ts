/**
 * The four corners of a document region, for a card photographed from the side (a trapezoid, not
 * a rectangle). Each edge is fitted with a straight line through the region's outline, away from
 * the rounded corners, and the corners are where neighbouring edges meet. A region whose outline
 * is not four straight edges (a hand over the card, a torn page, two touching cards) gets no
 * quadrilateral, and the caller keeps its rotated rectangle.
 */
import type { Point, Quad } from './homography';
import type { OrientedRect } from './raster';

/**
 * The outline runs along the outer side of the edge pixels, which mix card and background and
 * count as card: each fitted edge is moved this far (work-image pixels) inwards.
 */
const EDGE_INSET = 0.5;
/** Share of each edge, at both ends, left out of its line fit: the rounded corners of a card. */
const CORNER_SKIP = 0.12;
const MIN_EDGE_POINTS = 8;
/** Outline points farther from the line than this (pixels of the work image) are no part of the edge. */
const MAX_EDGE_RMS = 1.2;
const MIN_CORNER_ANGLE = 65;
const MAX_CORNER_ANGLE = 115;
/** Region pixels over quadrilateral area: a document fills its outline. */
const MIN_FILL = 0.93;
const MAX_FILL = 1.03;

interface Line {
  /** A point on the line and its unit direction. */
  px: number;
  py: number;
  dx: number;
  dy: number;
  rms: number;
}

/** The outer edge of each row's and each column's run of region pixels (pixel i spans [i, i+1]). */
function outline(pixels: readonly number[], width: number): Point[] {
  const rows = new Map<number, [number, number]>();
  const cols = new Map<number, [number, number]>();
  for (const i of pixels) {
    const x = i % width;
    const y = (i - x) / width;
    const r = rows.get(y);
    if (r) {
      r[0] = Math.min(r[0], x);
      r[1] = Math.max(r[1], x);
    } else rows.set(y, [x, x]);
    const c = cols.get(x);
    if (c) {
      c[0] = Math.min(c[0], y);
      c[1] = Math.max(c[1], y);
    } else cols.set(x, [y, y]);
  }
  const points: Point[] = [];
  for (const [y, [a, b]] of rows) points.push({ x: a, y: y + 0.5 }, { x: b + 1, y: y + 0.5 });
  for (const [x, [a, b]] of cols) points.push({ x: x + 0.5, y: a }, { x: x + 0.5, y: b + 1 });
  return points;
}

/** The outline point farthest towards each corner of the rotated rectangle: a first guess at the corners. */
function extremeCorners(points: readonly Point[], rect: OrientedRect): Point[] {
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([su, sv]) => {
    let best = points[0];
    let bestScore = -Infinity;
    for (const p of points) {
      const dx = p.x - rect.cx;
      const dy = p.y - rect.cy;
      const score = (su * (dx * cos + dy * sin)) / rect.width + (sv * (-dx * sin + dy * cos)) / rect.height;
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    return best;
  });
}

/** Total least squares line through points. */
function fitLine(points: readonly Point[]): Line {
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  let sq = 0;
  for (const p of points) sq += ((p.x - mx) * -dy + (p.y - my) * dx) ** 2;
  return { px: mx, py: my, dx, dy, rms: Math.sqrt(sq / points.length) };
}

/** Moves a line by EDGE_INSET towards the region's centre. */
function inset(line: Line, rect: OrientedRect): void {
  const nx = -line.dy;
  const ny = line.dx;
  const towards = (rect.cx - line.px) * nx + (rect.cy - line.py) * ny > 0 ? 1 : -1;
  line.px += towards * EDGE_INSET * nx;
  line.py += towards * EDGE_INSET * ny;
}

function intersect(a: Line, b: Line): Point | null {
  const det = a.dx * b.dy - a.dy * b.dx;
  if (Math.abs(det) < 1e-6) return null;
  const t = ((b.px - a.px) * b.dy - (b.py - a.py) * b.dx) / det;
  return { x: a.px + t * a.dx, y: a.py + t * a.dy };
}

/** The outline points along the edge from `a` to `b`, skipping its ends. */
function edgePoints(points: readonly Point[], a: Point, b: Point, tolerance: number): Point[] {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  return points.filter((p) => {
    const t = ((p.x - a.x) * ux + (p.y - a.y) * uy) / length;
    const d = Math.abs((p.x - a.x) * -uy + (p.y - a.y) * ux);
    return t >= CORNER_SKIP && t <= 1 - CORNER_SKIP && d <= tolerance;
  });
}

function shoelace(q: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < q.length; i += 1) {
    const a = q[i];
    const b = q[(i + 1) % q.length];
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

/** Convex, clockwise on screen (y down) and no corner far from square. */
function plausible(q: readonly Point[]): boolean {
  for (let i = 0; i < 4; i += 1) {
    const prev = q[(i + 3) % 4];
    const p = q[i];
    const next = q[(i + 1) % 4];
    const ax = prev.x - p.x;
    const ay = prev.y - p.y;
    const bx = next.x - p.x;
    const by = next.y - p.y;
    const la = Math.hypot(ax, ay);
    const lb = Math.hypot(bx, by);
    if (la < 10 || lb < 10) return false;
    if (ax * by - ay * bx > 0) return false;
    const angle = (Math.acos(Math.max(-1, Math.min(1, (ax * bx + ay * by) / (la * lb)))) * 180) / Math.PI;
    if (angle < MIN_CORNER_ANGLE || angle > MAX_CORNER_ANGLE) return false;
  }
  return true;
}

/**
 * The document's corners (top-left first, clockwise) in the coordinates of the region's image, or
 * null when its outline is not four straight edges.
 */
export function documentQuad(pixels: readonly number[], width: number, rect: OrientedRect): Quad | null {
  const points = outline(pixels, width);
  let corners: Point[] = extremeCorners(points, rect);
  // Two passes: the first guess at the corners is rough, the second fit starts from the first's corners.
  for (const tolerance of [Math.max(3, 0.04 * Math.min(rect.width, rect.height)), 2]) {
    const lines: Line[] = [];
    for (let i = 0; i < 4; i += 1) {
      const along = edgePoints(points, corners[i], corners[(i + 1) % 4], tolerance);
      if (along.length < MIN_EDGE_POINTS) return null;
      lines.push(fitLine(along));
    }
    if (lines.some((l) => l.rms > MAX_EDGE_RMS)) return null;
    if (tolerance === 2) for (const line of lines) inset(line, rect);
    const next: Point[] = [];
    for (let i = 0; i < 4; i += 1) {
      const corner = intersect(lines[(i + 3) % 4], lines[i]);
      if (!corner) return null;
      next.push(corner);
    }
    corners = next;
  }
  if (!plausible(corners)) return null;
  const fill = pixels.length / Math.abs(shoelace(corners));
  if (fill < MIN_FILL || fill > MAX_FILL) return null;
  return [corners[0], corners[1], corners[2], corners[3]];
}
