/**
 * TIFF scans of corpus documents, as office scanners write them: an ID card front and back in LZW
 * grayscale, and a two-page signed form in CCITT G4 bilevel in one multi-page file.
 *   npx tsx tests/corpus/generate-tiff.ts
 * The files are committed (tests/corpus/tiff/); the browser tests compare their reading with the
 * reading of the JPEGs they come from.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { joinTiffPages } from './tiff-pages';

const OUT = path.resolve('tests/corpus/tiff');

export function lzwGray(file: string): Promise<Buffer> {
  return sharp(file).grayscale().tiff({ compression: 'lzw' }).toBuffer();
}

export function g4Bilevel(file: string): Promise<Buffer> {
  return sharp(file).threshold(160).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 200 / 25.4 }).toBuffer();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const side of ['front', 'back']) writeFileSync(path.join(OUT, `cie-01-${side}.tif`), await lzwGray(path.resolve(`tests/corpus/images/cie-01-${side}.jpg`)));
  const pages = await Promise.all(['p1', 'p2'].map((p) => g4Bilevel(path.resolve(`tests/corpus/forms/printed-dangelo-signed-${p}.jpg`))));
  writeFileSync(path.join(OUT, 'printed-dangelo-signed.tif'), joinTiffPages(pages));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
