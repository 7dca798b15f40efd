/**
 * TIFF page decoding: utif2 (what the browser's document-reading worker runs, here in Node: RGBA for
 * the screen, gray for reading) against sharp/libtiff (what the CLI runs) on the same files: a 300 dpi A4 form page in CCITT G4, the same
 * page in LZW gray, and an ID card side in LZW gray. Median of 7 runs each, after one warm-up.
 *   npx tsx scripts/bench/tiff-decode.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { decodeTiffGray, decodeTiffPage } from '../../renderer/ocr/tiff-decode';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const form = path.resolve('tests/corpus/forms/printed-dangelo-signed-p1.jpg');
const a4 = sharp(form).resize(2480, 3508);
const files: Array<[string, Uint8Array]> = [
  ['A4 300 dpi, CCITT G4 (2480 × 3508)', new Uint8Array(await a4.clone().threshold(160).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1 }).toBuffer())],
  ['A4 300 dpi, LZW gray (2480 × 3508)', new Uint8Array(await a4.clone().grayscale().tiff({ compression: 'lzw' }).toBuffer())],
  ['ID side, LZW gray (1027 × 648)', new Uint8Array(readFileSync(path.resolve('tests/corpus/tiff/cie-01-front.tif')))],
];

console.log('| file | bytes | utif2 RGBA (screen) ms | utif2 gray (reading) ms | sharp/libtiff (CLI) ms | gray / libtiff |');
console.log('|---|---|---|---|---|---|');
for (const [name, bytes] of files) {
  const rgba = await timed(() => decodeTiffPage(bytes, name, 0));
  const gray = await timed(() => decodeTiffGray(bytes, name, 0));
  const libtiff = await timed(() => sharp(bytes).raw().toBuffer());
  console.log(`| ${name} | ${bytes.length} | ${rgba.toFixed(0)} | ${gray.toFixed(0)} | ${libtiff.toFixed(0)} | ${(gray / libtiff).toFixed(1)} |`);
}
