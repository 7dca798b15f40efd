import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputFile, DocumentInputError, imageDimensions, sniffFormat } from '../../../shared/document-reading/input-file';
import { decodeFile } from '../../../cli/node-decode';

const bad = (file: string) => readFileSync(path.resolve('tests/corpus/bad', file));
const image = (file: string) => readFileSync(path.resolve('tests/corpus/images', file));

function errorCode(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DocumentInputError ? error.code : `unexpected ${String(error)}`;
  }
}

describe('checkInputFile (header only, before any decode)', () => {
  it.each([
    ['empty.png', 'empty'],
    ['not-an-image.jpg', 'notAnImage'],
    ['huge-400mp.png', 'tooLarge'],
    ['truncated.tiff', 'corrupt'],
  ])('%s → %s', (file, code) => {
    expect(errorCode(() => checkInputFile(bad(file), file))).toBe(code);
  });

  it('gives an Italian message naming the file', () => {
    try {
      checkInputFile(bad('huge-400mp.png'), 'huge-400mp.png');
    } catch (error) {
      expect((error as Error).message).toMatch(/troppo grande \(400 megapixel; massimo 400\).*huge-400mp\.png|huge-400mp\.png.*troppo grande \(400 megapixel; massimo 400\)/);
    }
  });

  it('reads the size of JPEG, PNG and TIFF from the header', () => {
    expect(imageDimensions(image('cie-01-front.jpg'), 'jpeg')).toEqual({ width: 1027, height: 648 });
    expect(imageDimensions(image('cie-03-front.png'), 'png')).toEqual({ width: 1027, height: 648 });
    expect(sniffFormat(bad('encrypted.pdf'))).toBe('pdf');
  });

  it('accepts a real scan', () => {
    expect(checkInputFile(image('cie-01-front.jpg'), 'x.jpg')).toEqual({ format: 'jpeg', dimensions: { width: 1027, height: 648 }, pages: 1 });
  });
});

describe('decodeFile (Node)', () => {
  const decodeError = async (file: string) => {
    try {
      await decodeFile(bad(file), file);
      return null;
    } catch (error) {
      return error instanceof DocumentInputError ? error.code : `unexpected ${String(error)}`;
    }
  };

  it.each([
    ['truncated.jpg', 'corrupt'],
    ['corrupt.png', 'corrupt'],
    ['encrypted.pdf', 'pdfPassword'],
    ['malformed.pdf', 'pdfMalformed'],
    ['huge-400mp.png', 'tooLarge'],
  ])('%s → %s', async (file, code) => {
    expect(await decodeError(file)).toBe(code);
  });

  it('refuses the 400-megapixel image without allocating it', async () => {
    const before = process.memoryUsage().rss;
    await decodeError('huge-400mp.png');
    // A full decode would need 400 MB at least, even in grayscale.
    expect(process.memoryUsage().rss - before).toBeLessThan(100_000_000);
  });

  it('decodes a JPEG to one grayscale raster', async () => {
    const [page] = await decodeFile(image('cie-01-back.jpg'), 'cie-01-back.jpg');
    expect([page.width, page.height, page.data.length]).toEqual([1027, 648, 1027 * 648]);
  });
});
