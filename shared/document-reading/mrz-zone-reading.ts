/**
 * Reads a machine-readable zone found by its texture: each row cut out along its own slope at the
 * cap height the OCR reads best, recognised as one line in the MRZ alphabet, and, when the check
 * digits do not settle the first reading, read again from other binarisations. Every combination
 * of the rows' readings goes through the check digits; the one they accept wins, and readings that
 * agree with it are counted, so a value chosen by the check digits alone can be told from one
 * read the same way twice.
 */
import { readMrz } from '../identity/mrz';
import type { MrzReading } from '../identity/types';
import { binarise } from './binarise';
import type { MrzBand, MrzRow } from './mrz-band';
import { lineOnPitchGrid } from './mrz-pitch';
import type { OcrEngine } from './ocr-engine';
import { extractOriented, type Box, type GrayRaster } from './raster';

export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** Cap height, in pixels, the row is scaled to before OCR. */
const TARGET_CAP_HEIGHT = 34;

export interface MrzZoneReading {
  mrz: MrzReading;
  box: Box;
  /** How many independent readings of the zone gave exactly these lines. */
  agreeing: number;
}

type Variant = 'gray' | 'sauvola' | 'otsu';

function stretch(raster: GrayRaster): GrayRaster {
  const histogram = new Uint32Array(256);
  for (const v of raster.data) histogram[v] += 1;
  const at = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v += 1) if ((seen += histogram[v]) >= raster.data.length * share) return v;
    return 255;
  };
  const lo = at(0.02);
  const hi = Math.max(lo + 1, at(0.98));
  const data = new Uint8Array(raster.data.length);
  for (let i = 0; i < data.length; i += 1) data[i] = Math.max(0, Math.min(255, ((raster.data[i] - lo) * 255) / (hi - lo)));
  return { ...raster, data };
}

function otsuThreshold(raster: GrayRaster): number {
  const histogram = new Float64Array(256);
  for (const v of raster.data) histogram[v] += 1;
  const total = raster.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v += 1) sumAll += v * histogram[v];
  let best = 127;
  let bestVariance = -1;
  let weight = 0;
  let sum = 0;
  for (let t = 0; t < 256; t += 1) {
    weight += histogram[t];
    sum += t * histogram[t];
    if (weight === 0 || weight === total) continue;
    const meanLow = sum / weight;
    const meanHigh = (sumAll - sum) / (total - weight);
    const variance = weight * (total - weight) * (meanLow - meanHigh) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

function asImage(mask: Uint8Array, like: GrayRaster): GrayRaster {
  const data = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i += 1) data[i] = mask[i] ? 0 : 255;
  return { width: like.width, height: like.height, data };
}

function variantOf(row: GrayRaster, variant: Variant): GrayRaster {
  const stretched = stretch(row);
  if (variant === 'gray') return stretched;
  if (variant === 'sauvola') return asImage(binarise(stretched, { radius: TARGET_CAP_HEIGHT, k: 0.15 }), row);
  const t = otsuThreshold(stretched);
  const mask = new Uint8Array(stretched.data.length);
  for (let i = 0; i < mask.length; i += 1) mask[i] = stretched.data[i] <= t ? 1 : 0;
  return asImage(mask, row);
}

/** The row cut out upright along its slope, over the zone's whole width, at the OCR's cap height. */
function rowImage(raster: GrayRaster, band: MrzBand, row: MrzRow, upsideDown: boolean): GrayRaster {
  const scale = TARGET_CAP_HEIGHT / row.glyphHeight;
  const height = row.glyphHeight * 1.9;
  const cx = band.box.x + band.box.width / 2;
  const cy = row.centreY + Math.tan(row.angle) * (cx - (row.box.x + row.box.width / 2));
  return extractOriented(raster, { cx, cy, width: band.box.width, height, angle: row.angle + (upsideDown ? Math.PI : 0) }, scale);
}

async function readRow(image: GrayRaster, ocr: OcrEngine): Promise<string> {
  const page = await ocr.recognize({ image, layout: 'line', whitelist: MRZ_ALPHABET });
  const line = page.lines.slice().sort((a, b) => b.text.length - a.text.length)[0];
  if (!line) return '';
  return lineOnPitchGrid(line) ?? line.text.replace(/\s/g, '');
}

export function validFieldCount(mrz: MrzReading): number {
  return Object.values(mrz.valid).filter(Boolean).length;
}

/** Readings ordered by the check digits: all holding first, then none chosen by them, then fields given. */
export function mrzRank(mrz: MrzReading): number {
  return (mrz.allChecksValid ? 100 : 0) + (mrz.guessed ? 0 : 20) + validFieldCount(mrz);
}

function better(a: MrzReading, b: MrzReading | null): boolean {
  return !b || mrzRank(a) > mrzRank(b);
}

/**
 * Every combination of the rows' readings goes through the check digits and the best wins;
 * `agreeing` counts the binarisations that read exactly the winning lines on their own, with no
 * character chosen by the check digits.
 */
function decide(byVariant: string[][], today: string): { mrz: MrzReading; agreeing: number } | null {
  let best: MrzReading | null = null;
  const rowOptions = byVariant[0].map((_, row) => [...new Set(byVariant.map((v) => v[row]))]);
  const combine = (i: number, lines: string[]) => {
    if (i === rowOptions.length) {
      const mrz = readMrz(lines, { today });
      if (mrz && better(mrz, best)) best = mrz;
      return;
    }
    for (const option of rowOptions[i]) combine(i + 1, [...lines, option]);
  };
  combine(0, []);
  const chosen = best as MrzReading | null;
  if (!chosen) return null;
  const key = chosen.lines.join('\n');
  const agreeing = byVariant.filter((rows) => {
    const own = readMrz(rows, { today });
    return own !== null && own.allChecksValid && !own.guessed && own.lines.join('\n') === key;
  }).length;
  return { mrz: chosen, agreeing };
}

const VARIANTS: Variant[] = ['gray', 'sauvola', 'otsu'];

/**
 * Reads one zone. The first binarisation is usually enough; the others are read only when the
 * check digits did not accept it as read, and the zone turned half a turn only when nothing is.
 */
export async function readMrzZone(raster: GrayRaster, band: MrzBand, ocr: OcrEngine, today: string): Promise<MrzZoneReading | null> {
  for (const upsideDown of [false, true]) {
    const rows = upsideDown ? band.rows.slice().reverse() : band.rows;
    const images = rows.map((row) => rowImage(raster, band, row, upsideDown));
    const byVariant: string[][] = [];
    let decided: { mrz: MrzReading; agreeing: number } | null = null;
    for (const variant of VARIANTS) {
      byVariant.push(await Promise.all(images.map((image) => readRow(variantOf(image, variant), ocr))));
      decided = decide(byVariant, today);
      if (decided?.mrz.allChecksValid && !decided.mrz.guessed && variant === 'gray') break;
      if (decided?.mrz.allChecksValid && decided.agreeing >= 2) break;
    }
    if (decided && (decided.mrz.allChecksValid || upsideDown || validFieldCount(decided.mrz) > 0)) return { ...decided, box: band.box };
  }
  return null;
}
