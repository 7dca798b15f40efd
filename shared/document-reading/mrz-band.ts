/**
 * Finds machine-readable zones on an image by what they look like, not by where a layout puts
 * them: two or three stacked rows of equally tall glyphs on a fixed pitch, starting at the same
 * margin (ICAO 9303: OCR-B at 10 characters per inch). Printed text never has this texture: its
 * letters are proportionally spaced, its rows start at different margins and are rarely 20
 * glyphs long. Works on any image (a card cut out upright, a whole A4 scan, both sides of a card
 * in one image); rows turned a quarter turn are found on the image turned back.
 */
import { binarise } from './binarise';
import { inkComponents, median } from './ink-components';
import { downscale, type Box, type GrayRaster } from './raster';

export interface MrzRow {
  /** The row's glyphs' bounding box, on the image given. */
  box: Box;
  /** Median glyph height: the cap height. */
  glyphHeight: number;
  /** Median centre-to-centre step of neighbouring glyphs. */
  pitch: number;
  glyphs: number;
  /** The glyphs' centre line: its height at the box's centre, and its slope (radians). */
  centreY: number;
  angle: number;
}

export interface MrzBand {
  rows: MrzRow[];
  /** All rows with a margin of one pitch around them. */
  box: Box;
}

interface Glyph {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Work on at most this many pixels across: MRZ glyphs stay ≥ 10 px tall on a whole A4 page. */
const WORK_WIDTH = 1800;
/** The shortest MRZ line has 30 characters; a line whose glyphs are partly lost still shows this many. */
const MIN_ROW_GLYPHS = 18;
/** A second or third row of the zone may be mostly fillers (short names): this many glyphs suffice beside a full row. */
const MIN_COMPANION_GLYPHS = 5;
/** MRZ print is black on a light page: background patterns are far paler. */
const MIN_INK_CONTRAST = 40;
/** OCR-B's pitch over its cap height (2.54 mm over ~2.3 mm), with room for blur and fillers. */
const PITCH_OVER_HEIGHT: [number, number] = [0.75, 1.9];

/** Glyph-sized ink components, 4-connected so that glyphs touching at a corner stay apart. */
function glyphsOf(mask: Uint8Array, width: number, height: number): Glyph[] {
  const maxHeight = Math.max(12, height * 0.12);
  return inkComponents(mask, width, height, 4)
    .filter((c) => {
      const w = c.x1 - c.x0 + 1;
      const h = c.y1 - c.y0 + 1;
      return h >= 5 && h <= maxHeight && w <= h * 1.6 && c.area >= 6 && c.area <= w * h * 0.95;
    })
    .map((c) => ({ x0: c.x0, y0: c.y0, x1: c.x1 + 1, y1: c.y1 + 1 }));
}

/** Chains of glyphs side by side: similar height, same centre line, gaps under about one glyph. */
function rowsOf(glyphs: Glyph[]): MrzRow[] {
  const order = glyphs.map((_, i) => i).sort((a, b) => glyphs[a].x0 - glyphs[b].x0);
  const parent = glyphs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const next = new Int32Array(glyphs.length).fill(-1);
  for (let oi = 0; oi < order.length; oi += 1) {
    const a = glyphs[order[oi]];
    const ha = a.y1 - a.y0;
    const cya = (a.y0 + a.y1) / 2;
    let best = -1;
    let bestGap = Infinity;
    for (let oj = oi + 1; oj < order.length; oj += 1) {
      const b = glyphs[order[oj]];
      if (b.x0 - a.x1 > ha * 1.6) break;
      const hb = b.y1 - b.y0;
      const ratio = hb / ha;
      if (ratio < 0.45 || ratio > 2.2) continue;
      if (Math.abs((b.y0 + b.y1) / 2 - cya) > Math.max(ha, hb) * 0.35) continue;
      const gap = b.x0 - a.x1;
      if (gap < -ha * 0.2) continue;
      if (gap < bestGap) {
        bestGap = gap;
        best = order[oj];
      }
    }
    if (best >= 0 && next[order[oi]] < 0) {
      next[order[oi]] = best;
      parent[find(order[oi])] = find(best);
    }
  }
  const chains = new Map<number, Glyph[]>();
  glyphs.forEach((g, i) => {
    const root = find(i);
    const chain = chains.get(root) ?? [];
    chain.push(g);
    chains.set(root, chain);
  });
  const rows: MrzRow[] = [];
  for (const chain of chains.values()) {
    if (chain.length < MIN_COMPANION_GLYPHS) continue;
    chain.sort((a, b) => a.x0 - b.x0);
    const heights = chain.map((g) => g.y1 - g.y0);
    // Fillers are shorter than letters: the tallest third gives the cap height.
    const glyphHeight = median(heights.slice().sort((a, b) => b - a).slice(0, Math.max(1, Math.ceil(chain.length / 3))));
    const centres = chain.map((g) => (g.x0 + g.x1) / 2);
    const pitch = median(centres.slice(1).map((c, i) => c - centres[i]));
    const x0 = Math.min(...chain.map((g) => g.x0));
    const y0 = Math.min(...chain.map((g) => g.y0));
    const x1 = Math.max(...chain.map((g) => g.x1));
    const y1 = Math.max(...chain.map((g) => g.y1));
    rows.push({ box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, glyphHeight, pitch, glyphs: chain.length, ...centreLine(chain, (x0 + x1) / 2) });
  }
  return rows;
}

/** Least-squares line through the glyphs' centres (fillers and capitals share their centre line). */
function centreLine(chain: Glyph[], atX: number): { centreY: number; angle: number } {
  const xs = chain.map((g) => (g.x0 + g.x1) / 2);
  const ys = chain.map((g) => (g.y0 + g.y1) / 2);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { centreY: my + slope * (atX - mx), angle: Math.atan(slope) };
}

function onPitch(row: MrzRow): boolean {
  const ratio = row.pitch / row.glyphHeight;
  return ratio >= PITCH_OVER_HEIGHT[0] && ratio <= PITCH_OVER_HEIGHT[1];
}

/** Rows of one zone: same cap height and pitch, starting at the same margin, one below the other. */
function sameZone(a: MrzRow, b: MrzRow): boolean {
  const h = Math.max(a.glyphHeight, b.glyphHeight);
  if (Math.abs(a.glyphHeight - b.glyphHeight) > h * 0.3) return false;
  if (Math.abs(a.pitch - b.pitch) > Math.max(a.pitch, b.pitch) * 0.25) return false;
  if (Math.abs(a.box.x - b.box.x) > Math.max(a.pitch, b.pitch) * 1.6) return false;
  const step = Math.abs(b.box.y + b.box.height / 2 - (a.box.y + a.box.height / 2));
  return step > h * 1.1 && step < h * 2.8;
}

function bandsOf(rows: MrzRow[], width: number, height: number): MrzBand[] {
  const candidates = rows.filter(onPitch).sort((a, b) => a.box.y - b.box.y);
  const used = new Set<MrzRow>();
  const bands: MrzBand[] = [];
  for (const anchor of candidates) {
    if (used.has(anchor) || anchor.glyphs < MIN_ROW_GLYPHS) continue;
    const zone = [anchor];
    // Grow up and down from a full row; rows may be cut into pieces by a hologram or an overprint.
    for (let grown = true; grown && zone.length < 3; ) {
      grown = false;
      const top = zone[0];
      const bottom = zone[zone.length - 1];
      const near = candidates.filter((r) => !used.has(r) && !zone.includes(r) && (sameZone(top, r) || sameZone(bottom, r)));
      const pick = near.sort((a, b) => b.glyphs - a.glyphs)[0];
      if (pick) {
        zone.push(pick);
        zone.sort((a, b) => a.box.y - b.box.y);
        grown = true;
      }
    }
    if (zone.length < 2) continue;
    zone.forEach((r) => used.add(r));
    const pitch = median(zone.map((r) => r.pitch));
    const x0 = Math.max(0, Math.min(...zone.map((r) => r.box.x)) - pitch * 1.5);
    const y0 = Math.max(0, Math.min(...zone.map((r) => r.box.y)) - pitch);
    const x1 = Math.min(width, Math.max(...zone.map((r) => r.box.x + r.box.width)) + pitch * 1.5);
    const y1 = Math.min(height, Math.max(...zone.map((r) => r.box.y + r.box.height)) + pitch);
    bands.push({ rows: zone, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
  }
  return bands;
}

function scaleBand(band: MrzBand, factor: number): MrzBand {
  const s = (b: Box): Box => ({ x: b.x * factor, y: b.y * factor, width: b.width * factor, height: b.height * factor });
  return { box: s(band.box), rows: band.rows.map((r) => ({ ...r, box: s(r.box), glyphHeight: r.glyphHeight * factor, pitch: r.pitch * factor, centreY: r.centreY * factor })) };
}

/** Every machine-readable zone on an upright image, top first. */
export function findMrzBands(image: GrayRaster): MrzBand[] {
  const factor = Math.max(1, Math.ceil(image.width / WORK_WIDTH));
  const work = factor === 1 ? image : downscale(image, factor);
  const mask = binarise(work, { minContrast: MIN_INK_CONTRAST });
  const rows = rowsOf(glyphsOf(mask, work.width, work.height));
  return bandsOf(rows, work.width, work.height).map((b) => scaleBand(b, factor));
}
