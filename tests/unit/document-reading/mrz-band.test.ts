/**
 * The MRZ is found by its texture, wherever it is: on a card cut out, on a whole flatbed page with
 * both card sides, and not at all on a document without one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../cli/node-decode';
import { findMrzBands } from '../../../shared/document-reading/mrz-band';

const image = async (file: string) => (await decodeFile(readFileSync(path.resolve('tests/corpus/images', file)), file))[0];

describe('findMrzBands', () => {
  it.each([
    ['passport-01.jpg', 2],
    ['cie-01-back.jpg', 3],
    ['cie-08-both.jpg', 3],
  ])('%s: one zone of %i rows on a fixed pitch', async (file, rows) => {
    const bands = findMrzBands(await image(file));
    const zones = bands.filter((b) => b.rows.length === rows && b.rows.every((r) => r.glyphs >= 5));
    expect(zones).toHaveLength(1);
    const [zone] = zones;
    // OCR-B is printed at 10 characters per inch: the pitch is about the cap height.
    for (const row of zone.rows) expect(row.pitch / row.glyphHeight).toBeGreaterThan(0.75);
  });

  it('a driving licence and a health card have no MRZ', async () => {
    for (const file of ['licence-01.jpg', 'health-01.jpg']) expect(findMrzBands(await image(file)).filter((b) => b.rows.some((r) => r.glyphs >= 25))).toEqual([]);
  });

  it('a blank page has none', () => {
    expect(findMrzBands({ width: 800, height: 500, data: new Uint8Array(800 * 500).fill(240) })).toEqual([]);
  });
});
