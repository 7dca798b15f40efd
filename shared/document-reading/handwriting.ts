/**
 * Was a field of a scanned form typed (printed by a computer, a typewriter) or written by hand?
 * Printed glyphs sit on one straight baseline, at one of a few fixed heights (capitals and
 * ascenders, the x-height of lower case); a hand puts each letter a little higher or lower, taller
 * or shorter. Measured on the connected components of ink inside the field (ink relative to the
 * zone's own paper): the share of letters whose bottom lies on the straight baseline fitted through
 * them (descenders, well below it, are not measured) and whose top lies on the straight top line or
 * on the x-height line fitted through the lower tops (within 1.5 px or 7 % of the letter height: round letters overshoot, blur spreads them).
 * Too few letters to tell (a single "M"), or letters neither clearly on their lines nor clearly off
 * them, give no verdict: the caller decides from the rest of the page. Doubt leans to handwriting,
 * whose values are only suggestions.
 */
import type { GrayRaster } from './raster';
import { inkComponents, median, type InkComponent } from './ink-components';

export type Writing = 'typed' | 'handwritten';

export interface WritingEvidence {
  /** Null when the zone holds too few letters to tell, or its letters are neither clearly on lines nor clearly off them. */
  writing: Writing | null;
  /** Letter-sized components measured. */
  letters: number;
  /** Share of letters whose bottom is on the fitted baseline and whose top is on the fitted top line. */
  onLines: number;
}

/** Below this many letters the statistics say nothing. */
const MIN_LETTERS = 3;
/**
 * Calibrated on the corpus forms and the dev split of the crooked scans (docs/document-reading.md:
 * "Typed or handwritten"). Between the two a zone says nothing on its own (lower case and digits
 * have more levels than two lines, blur moves edges) and follows its form.
 */
const TYPED_MIN_ON_LINES = 0.85;
const HANDWRITTEN_MAX_ON_LINES = 0.45;
/** A line fitted through fewer letters than this fits a hand too: short values count as typed only when every letter is on its lines. */
const SHORT_VALUE_LETTERS = 8;
const SHORT_HANDWRITTEN_MAX_ON_LINES = 0.5;
/** Farther than this share of the letter height from a line is another line (a descender, the x-height), not a wobble. */
const OTHER_LINE = 0.15;

/** 8-connected ink components of a zone: ink is darker than halfway between its paper and its darkest ink. */
function inkOf(zone: GrayRaster): InkComponent[] {
  const level = inkLevelOf(zone);
  return inkComponents(zone.data.map((v) => (v < level ? 1 : 0)), zone.width, zone.height, 8);
}

/** Theil–Sen line through one edge of the letters: robust to descenders, ascenders and a slightly skewed scan. */
function lineResiduals(letters: InkComponent[], edge: (c: InkComponent) => number): number[] {
  const points = letters.map((c) => ({ x: (c.x0 + c.x1) / 2, y: edge(c) }));
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const dx = points[j].x - points[i].x;
      if (dx !== 0) slopes.push((points[j].y - points[i].y) / dx);
    }
  }
  const slope = slopes.length > 0 ? median(slopes) : 0;
  const intercept = median(points.map((p) => p.y - slope * p.x));
  return points.map((p) => p.y - (intercept + slope * p.x));
}

/** Halfway between the zone's paper and its darkest ink: print and pen alike, whatever the scan's contrast. */
function inkLevelOf(zone: GrayRaster): number {
  const sorted = Uint8Array.from(zone.data).sort();
  return (sorted[Math.floor(sorted.length * 0.9)] + sorted[Math.floor(sorted.length * 0.005)]) / 2;
}

export function classifyWriting(zone: GrayRaster): WritingEvidence {
  const all = inkOf(zone).filter((c) => c.area >= 6);
  const tallest = Math.max(0, ...all.map((c) => c.y1 - c.y0 + 1));
  // Letters only: dots, commas, apostrophes and accents are small by nature, not by the hand.
  const letters = all.filter((c) => c.y1 - c.y0 + 1 >= tallest * 0.45);
  if (letters.length < MIN_LETTERS) return { writing: null, letters: letters.length, onLines: 0 };
  const typicalHeight = median(letters.map((c) => c.y1 - c.y0 + 1));
  const tolerance = Math.max(1.5, typicalHeight * 0.07);
  const other = typicalHeight * OTHER_LINE;
  const bottoms = lineResiduals(letters, (c) => c.y1);
  const tops = lineResiduals(letters, (c) => c.y0);
  // Tops well below the top line belong to the x-height line, fitted through them alone.
  const lower = letters.filter((_, i) => tops[i] > other);
  const lowerTops = lower.length >= 2 ? lineResiduals(lower, (c) => c.y0) : lower.map(() => 0);
  const topOnLine = letters.map((c, i) => Math.abs(tops[i]) <= tolerance || (lower.includes(c) && Math.abs(lowerTops[lower.indexOf(c)]) <= tolerance));
  // A descender's bottom is far below the baseline by design; it says nothing either way.
  const measured = letters.map((_, i) => bottoms[i] <= other);
  const onLine = letters.filter((_, i) => (!measured[i] || Math.abs(bottoms[i]) <= tolerance) && topOnLine[i]).length;
  const onLines = onLine / letters.length;
  const short = letters.length < SHORT_VALUE_LETTERS;
  const writing = onLines >= (short ? 1 : TYPED_MIN_ON_LINES) ? 'typed' : onLines < (short ? SHORT_HANDWRITTEN_MAX_ON_LINES : HANDWRITTEN_MAX_ON_LINES) ? 'handwritten' : null;
  return { writing, letters: letters.length, onLines: Math.round(onLines * 100) / 100 };
}
