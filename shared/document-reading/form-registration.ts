/**
 * Registers a scanned form page to its template before any zone is read. A page is never exactly
 * where the template says: the sheet lies a few millimetres off on the glass, a little crooked,
 * and printers and scanners scale by a few per cent. The form's own printed frames (every field
 * box and the signature box, whose edges the template knows) are found on the page:
 *   1. thin dark lines are told from text, paper edges and the scanner's grey bed by their profile
 *      (darker than the paper on both sides, within a few pixels);
 *   2. the skew is the angle at which the horizontal line pixels stack into the fewest rows;
 *   3. on the straightened page the long horizontal and vertical segments are matched, one axis at
 *      a time, to the template's rows and columns of frame edges (scale and shift per axis);
 *   4. each frame's four edges are then looked for near where that puts them, and the corners of
 *      the frames found give an affine map (least squares, outliers dropped) from template points
 *      to page pixels.
 * A page on which too few frames are found, or whose corners do not agree on one map, is not
 * registered: blank pages and pages of something else give no zones, never guessed ones.
 */
import type { FormTemplate, TemplateZone } from './form-template';
import { mapPoint, type Homography, type Point } from './homography';
import { downscale, warpToUpright, type GrayRaster } from './raster';

export interface PageRegistration {
  /** Template points → page pixels (continuous coordinates, pixel centres at +0.5). Affine. */
  toPage: Homography;
  /** Page pixels per template point (geometric mean of the two axes). */
  scale: number;
  /** Frames of the template page found on the scan, of how many it has. */
  framesFound: number;
  framesExpected: number;
  /** Root-mean-square distance of the fitted corners from where they were found, in template points. */
  residual: number;
}

/** The printed frames of one template page: every field box and the signature box. */
export function templateFrames(template: FormTemplate, pageNumber: number): TemplateZone[] {
  const frames = Object.entries(template.fields)
    .filter(([name, zone]) => name !== 'tipo_profilo' && zone.page === pageNumber)
    .map(([, zone]) => zone);
  if (template.signature.page === pageNumber) frames.push(template.signature);
  return frames;
}

/** Working resolution: about 150–200 dpi, enough for 0.8 pt lines and cheap to scan. */
const WORKING_WIDTH = 1300;
/** Offset, in working pixels, of the paper either side of a line. */
const LINE_REACH = 3;
/** Darker than the paper on both sides by this much: a printed line, not noise. */
const LINE_CONTRAST = 18;
const MAX_SKEW_DEGREES = 3;
/** The page's scale may differ from "the image is the A4 page" by this much either way (printer, scanner, bed larger than the sheet). */
const SCALE_RANGE = 0.1;
/** A frame edge counts as found when this share of it is line. */
const EDGE_COVERAGE = 0.55;
/** A page is registered when at least this share of its frames (and at least two) is found. */
const MIN_FRAME_SHARE = 0.5;
/** Corners fitting the map worse than this (template points, RMS) mean the frames found disagree. */
const MAX_RESIDUAL = 1.2;

type LineMap = Uint8Array;

/** 1 where a thin dark line runs along the given axis: darker than the paper `LINE_REACH` px to either side. */
function lineMap(raster: GrayRaster, horizontal: boolean): LineMap {
  const { width, height, data } = raster;
  // Smoothed along the line, so scanner grain does not break it up.
  const smooth = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      let n = 0;
      for (let d = -2; d <= 2; d += 1) {
        const xx = horizontal ? x + d : x;
        const yy = horizontal ? y : y + d;
        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
        sum += data[yy * width + xx];
        n += 1;
      }
      smooth[y * width + x] = sum / n;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = LINE_REACH; y < height - LINE_REACH; y += 1) {
    for (let x = LINE_REACH; x < width - LINE_REACH; x += 1) {
      const i = y * width + x;
      const step = horizontal ? width * LINE_REACH : LINE_REACH;
      const centre = Math.min(smooth[i], horizontal ? Math.min(smooth[i - width], smooth[i + width]) : Math.min(smooth[i - 1], smooth[i + 1]));
      const sides = Math.min(smooth[i - step], smooth[i + step]);
      if (sides - centre >= LINE_CONTRAST && smooth[i] <= centre + 4) out[i] = 1;
    }
  }
  return out;
}

/** The skew (radians) at which horizontal line pixels fall into the fewest rows. */
function skewOf(map: LineMap, width: number, height: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < map.length; i += 1) {
    if (!map[i]) continue;
    xs.push(i % width);
    ys.push(Math.floor(i / width));
  }
  const rows = new Float64Array(height + 2 * width);
  const score = (angle: number) => {
    rows.fill(0);
    const t = Math.tan(angle);
    for (let k = 0; k < xs.length; k += 1) rows[Math.round(ys[k] - xs[k] * t) + width] += 1;
    let s = 0;
    for (const r of rows) s += r * r;
    return s;
  };
  const best = (from: number, to: number, step: number) => {
    let angle = 0;
    let top = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = score(a);
      if (s > top) {
        top = s;
        angle = a;
      }
    }
    return angle;
  };
  const degree = Math.PI / 180;
  const coarse = best(-MAX_SKEW_DEGREES * degree, MAX_SKEW_DEGREES * degree, 0.1 * degree);
  return best(coarse - 0.1 * degree, coarse + 0.1 * degree, 0.01 * degree);
}

interface Segment {
  /** Position across the segment (row for horizontal, column for vertical). */
  at: number;
  from: number;
  to: number;
}

/** Runs of line pixels at least `minLength` long, gaps of up to two pixels bridged. */
function segments(map: LineMap, width: number, height: number, horizontal: boolean, minLength: number): Segment[] {
  const out: Segment[] = [];
  const lines = horizontal ? height : width;
  const along = horizontal ? width : height;
  for (let a = 0; a < lines; a += 1) {
    let start = -1;
    let last = -10;
    for (let b = 0; b <= along; b += 1) {
      const on = b < along && map[horizontal ? a * width + b : b * width + a] === 1;
      if (on) {
        if (b - last > 3) {
          if (start >= 0 && last - start + 1 >= minLength) out.push({ at: a, from: start, to: last });
          start = b;
        }
        last = b;
      }
    }
    if (start >= 0 && last - start + 1 >= minLength) out.push({ at: a, from: start, to: last });
  }
  return out;
}

interface AxisFit {
  scale: number;
  shift: number;
}

/**
 * Scale and shift of one axis: the template's frame edges across that axis (position, length)
 * against the page's profile of long segments, scale within `SCALE_RANGE` of `nominal`.
 */
function fitAxis(edges: Array<{ at: number; length: number }>, found: Segment[], size: number, nominal: number): AxisFit | null {
  const profile = new Float64Array(size);
  for (const s of found) profile[s.at] += s.to - s.from + 1;
  // A line two or three pixels thick, and a little slack.
  const spread = new Float64Array(size);
  for (let i = 0; i < size; i += 1) for (let d = -2; d <= 2; d += 1) if (i + d >= 0 && i + d < size) spread[i] = Math.max(spread[i], profile[i + d]);
  let best: (AxisFit & { score: number }) | null = null;
  const step = nominal * 0.002;
  for (let scale = nominal * (1 - SCALE_RANGE); scale <= nominal * (1 + SCALE_RANGE); scale += step) {
    const positions = edges.map((e) => e.at * scale);
    const lo = -Math.min(...positions);
    const hi = size - Math.max(...positions);
    for (let shift = Math.floor(lo); shift <= Math.ceil(hi); shift += 1) {
      let score = 0;
      for (let k = 0; k < edges.length; k += 1) {
        const p = Math.round(positions[k] + shift);
        if (p >= 0 && p < size) score += Math.min(spread[p], edges[k].length * scale);
      }
      if (!best || score > best.score) best = { scale, shift, score };
    }
  }
  return best && best.score > 0 ? { scale: best.scale, shift: best.shift } : null;
}

/** Share of an edge (from → to along a row or column at `at`) that is line, and where it is best within ±`reach`. */
function findEdge(map: LineMap, width: number, height: number, horizontal: boolean, at: number, from: number, to: number, reach: number): number | null {
  const a0 = Math.round(from + (to - from) * 0.1);
  const a1 = Math.round(to - (to - from) * 0.1);
  if (a1 <= a0) return null;
  const coverage: number[] = [];
  for (let d = -reach; d <= reach; d += 1) {
    const line = Math.round(at) + d;
    let on = 0;
    for (let b = a0; b <= a1; b += 1) {
      const x = horizontal ? b : line;
      const y = horizontal ? line : b;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      if (map[y * width + x]) on += 1;
    }
    coverage.push(on / (a1 - a0 + 1));
  }
  let bestIndex = 0;
  for (let k = 1; k < coverage.length; k += 1) if (coverage[k] > coverage[bestIndex]) bestIndex = k;
  // Ink and a neighbouring frame can fill the window too: the best row must stand out as a line.
  if (coverage[bestIndex] < EDGE_COVERAGE) return null;
  // Sub-pixel: the centre of the rows that are line (a 2–3 px thick line).
  let sum = 0;
  let weight = 0;
  for (let k = Math.max(0, bestIndex - 2); k <= Math.min(coverage.length - 1, bestIndex + 2); k += 1) {
    if (coverage[k] < EDGE_COVERAGE * 0.6) continue;
    sum += (k - reach) * coverage[k];
    weight += coverage[k];
  }
  return Math.round(at) + sum / weight;
}

/** Least-squares affine map from `from` to `to` (at least three points, not on one line). */
function fitAffine(from: Point[], to: Point[]): Homography | null {
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const bx = [0, 0, 0];
  const by = [0, 0, 0];
  for (let k = 0; k < from.length; k += 1) {
    const v = [from[k].x, from[k].y, 1];
    for (let r = 0; r < 3; r += 1) {
      for (let c = 0; c < 3; c += 1) m[r * 3 + c] += v[r] * v[c];
      bx[r] += v[r] * to[k].x;
      by[r] += v[r] * to[k].y;
    }
  }
  const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  if (Math.abs(det) < 1e-9) return null;
  const solve = (b: number[]) => {
    const column = (i: number) => {
      const n = [...m];
      for (let r = 0; r < 3; r += 1) n[r * 3 + i] = b[r];
      return (n[0] * (n[4] * n[8] - n[5] * n[7]) - n[1] * (n[3] * n[8] - n[5] * n[6]) + n[2] * (n[3] * n[7] - n[4] * n[6])) / det;
    };
    return [column(0), column(1), column(2)];
  };
  return [...solve(bx), ...solve(by), 0, 0, 1];
}

/**
 * Registers one scanned page to a page of the template; null when the page does not show that
 * template page's frames (blank, something else, another page of the form, too far off).
 */
export function registerPage(page: GrayRaster, template: FormTemplate, pageNumber: number): PageRegistration | null {
  const frames = templateFrames(template, pageNumber);
  if (frames.length === 0) return null;
  const factor = Math.max(1, Math.round(page.width / WORKING_WIDTH));
  const work = factor > 1 ? downscale(page, factor) : page;
  const { width, height } = work;
  const skew = skewOf(lineMap(work, true), width, height);
  // The straightened working page: each of its pixels centre maps through `toWork` onto `work`.
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const cx = width / 2;
  const cy = height / 2;
  const toWork: Homography = [cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy, 0, 0, 1];
  const upright = skew === 0 ? work : warpToUpright(work, toWork, width, height);
  const horizontal = lineMap(upright, true);
  const vertical = lineMap(upright, false);
  // "The image is the A4 sheet", which a scan is to within a few per cent.
  const nominal = width / template.pageSize.width;
  const minWidth = Math.min(...frames.map((f) => f.width));
  const minHeight = Math.min(...frames.map((f) => f.height));
  const rows = segments(horizontal, width, height, true, minWidth * nominal * 0.5);
  const columns = segments(vertical, width, height, false, minHeight * nominal * 0.6);
  const ys = fitAxis(frames.flatMap((f) => [{ at: f.y, length: f.width }, { at: f.y + f.height, length: f.width }]), rows, height, nominal);
  const xs = fitAxis(frames.flatMap((f) => [{ at: f.x, length: f.height }, { at: f.x + f.width, length: f.height }]), columns, width, nominal);
  if (!xs || !ys) return null;
  const reach = Math.max(4, Math.round(2 * nominal));
  const templatePoints: Point[] = [];
  const found: Point[] = [];
  let framesFound = 0;
  for (const f of frames) {
    const left = xs.scale * f.x + xs.shift;
    const right = xs.scale * (f.x + f.width) + xs.shift;
    const top = ys.scale * f.y + ys.shift;
    const bottom = ys.scale * (f.y + f.height) + ys.shift;
    const edges = {
      top: findEdge(horizontal, width, height, true, top, left, right, reach),
      bottom: findEdge(horizontal, width, height, true, bottom, left, right, reach),
      left: findEdge(vertical, width, height, false, left, top, bottom, reach),
      right: findEdge(vertical, width, height, false, right, top, bottom, reach),
    };
    const corners: Array<[number | null, number | null, number, number]> = [
      [edges.left, edges.top, f.x, f.y],
      [edges.right, edges.top, f.x + f.width, f.y],
      [edges.right, edges.bottom, f.x + f.width, f.y + f.height],
      [edges.left, edges.bottom, f.x, f.y + f.height],
    ];
    let cornersFound = 0;
    for (const [x, y, tx, ty] of corners) {
      if (x === null || y === null) continue;
      cornersFound += 1;
      // Line centres are pixel centres (+0.5); back through the straightening, then to page pixels.
      const onWork = mapPoint(toWork, { x: x + 0.5, y: y + 0.5 });
      found.push({ x: onWork.x * factor, y: onWork.y * factor });
      templatePoints.push({ x: tx, y: ty });
    }
    if (cornersFound >= 3) framesFound += 1;
  }
  if (framesFound < Math.max(2, Math.ceil(frames.length * MIN_FRAME_SHARE))) return null;
  let from = templatePoints;
  let to = found;
  let map: Homography | null = null;
  let residual = Infinity;
  for (let round = 0; round < 3; round += 1) {
    map = fitAffine(from, to);
    if (!map) return null;
    const m = map;
    const scale = Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));
    const errors = from.map((p, k) => Math.hypot(mapPoint(m, p).x - to[k].x, mapPoint(m, p).y - to[k].y) / scale);
    residual = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    const sorted = [...errors].sort((a, b) => a - b);
    const limit = Math.max(0.6, 3 * sorted[sorted.length >> 1]);
    const keep = errors.map((e) => e <= limit);
    if (keep.every(Boolean)) break;
    from = from.filter((_, k) => keep[k]);
    to = to.filter((_, k) => keep[k]);
    if (from.length < 6) return null;
  }
  if (!map || residual > MAX_RESIDUAL) return null;
  const scale = Math.sqrt(Math.abs(map[0] * map[4] - map[1] * map[3]));
  return { toPage: map, scale, framesFound, framesExpected: frames.length, residual: Math.round(residual * 100) / 100 };
}
