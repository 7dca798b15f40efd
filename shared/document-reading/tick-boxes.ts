/**
 * Which option of a choice (the profile requested) is ticked on a scanned form: ink inside each
 * option's box, away from its printed frame (a square or the circle inscribed in it). A printed
 * dot, a cross or a check mark all leave ink in the middle of the box; an empty box leaves none.
 * Exactly one ticked box is a value; none or several is no value, and the caller says so.
 */
import type { Box, GrayRaster } from './raster';

const INK_LEVEL = 128;
/** Inset from each side of the box: keeps the middle, clear of a square frame and of the circle inscribed in it. */
const INSET = 0.25;
/** Share of the middle that must be ink: a pen stroke across it covers well above this, scanner noise far below. */
const TICKED_RATIO = 0.06;

export interface TickReading {
  /** The options whose box is ticked, in template order. */
  ticked: string[];
  /** Ink share of each box's middle, for the confidence and for calibration. */
  inkRatios: Record<string, number>;
}

function middleInk(page: GrayRaster, box: Box): number {
  const x0 = Math.max(0, Math.round(box.x + box.width * INSET));
  const x1 = Math.min(page.width, Math.round(box.x + box.width * (1 - INSET)));
  const y0 = Math.max(0, Math.round(box.y + box.height * INSET));
  const y1 = Math.min(page.height, Math.round(box.y + box.height * (1 - INSET)));
  if (x1 <= x0 || y1 <= y0) return 0;
  let ink = 0;
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) if (page.data[y * page.width + x] < INK_LEVEL) ink += 1;
  return ink / ((x1 - x0) * (y1 - y0));
}

export function readTicks(page: GrayRaster, boxes: Record<string, Box>): TickReading {
  const inkRatios: Record<string, number> = {};
  for (const [option, box] of Object.entries(boxes)) inkRatios[option] = Math.round(middleInk(page, box) * 1000) / 1000;
  return ticksFromInk(inkRatios);
}

/** The options ticked, from the ink share of each box's middle (each box measured on its own crop). */
export function ticksFromInk(inkRatios: Record<string, number>): TickReading {
  return { ticked: Object.keys(inkRatios).filter((option) => inkRatios[option] >= TICKED_RATIO), inkRatios };
}

/**
 * How sure a single tick is: its ink well above the threshold and the other boxes well below it.
 * Never 1: a scan is not exact.
 */
export function tickConfidence(reading: TickReading, option: string): number {
  const others = Object.entries(reading.inkRatios).filter(([o]) => o !== option).map(([, r]) => r);
  const marked = Math.min(1, reading.inkRatios[option] / (TICKED_RATIO * 3));
  const clean = 1 - Math.min(1, Math.max(0, ...others) / TICKED_RATIO);
  return Math.round(Math.min(0.99, 0.5 + 0.5 * marked * clean) * 100) / 100;
}
