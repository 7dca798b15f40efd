/**
 * MRZ characters sit on a fixed pitch (ICAO 9303: 2.54 mm). Generic OCR models sometimes emit two
 * symbols for one wide-spaced glyph (`ITA` read as `I1T7A`); placing every symbol on the pitch grid
 * and keeping the most confident symbol per cell removes those insertions without guessing.
 */
import { median } from './ink-components';
import type { OcrLine } from './ocr-engine';


export function lineOnPitchGrid(line: OcrLine): string | null {
  const symbols = line.words.flatMap((w) => w.symbols ?? []).filter((s) => s.text.trim() !== '');
  if (symbols.length < 20) return null;
  const centres = symbols.map((s) => s.box.x + s.box.width / 2);
  const steps = centres.slice(1).map((c, i) => c - centres[i]);
  // Insertions make a few short steps; most steps are one pitch.
  const pitch = median(steps.filter((d) => d > median(steps) * 0.6));
  if (!(pitch > 0)) return null;
  const cells = new Map<number, { text: string; confidence: number }>();
  symbols.forEach((s, i) => {
    const cell = Math.round((centres[i] - centres[0]) / pitch);
    const held = cells.get(cell);
    if (!held || s.confidence > held.confidence) cells.set(cell, { text: s.text, confidence: s.confidence });
  });
  const last = Math.max(...cells.keys());
  let out = '';
  for (let k = 0; k <= last; k += 1) out += cells.get(k)?.text ?? '';
  return out;
}
