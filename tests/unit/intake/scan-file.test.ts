import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inspectScanFile, MAX_SCAN_BYTES } from '../../../shared/intake/scan-file';

async function image(format: 'jpeg' | 'png' | 'tiff', width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#fff' } })[format]().toBuffer());
}

describe('inspectScanFile', () => {
  it.each(['jpeg', 'png', 'tiff'] as const)('recognises a real %s and reads its size from the header', async (format) => {
    expect(inspectScanFile(await image(format, 640, 400))).toEqual({ ok: true, mimeType: `image/${format}`, width: 640, height: 400 });
  });

  it('recognises a PDF by its signature', () => {
    expect(inspectScanFile(new TextEncoder().encode('%PDF-1.7\n...'))).toMatchObject({ ok: true, mimeType: 'application/pdf' });
  });

  it('refuses a 20,000 × 20,000 image from its header without decoding it', () => {
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 2, 0, 0, 0, 0x12, 0x34, 0x56, 0x78]);
    expect(inspectScanFile(header)).toEqual({ ok: false, problem: 'too-many-pixels' });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['a text file renamed .jpg', new TextEncoder().encode('hello, not an image'), 'unsupported'],
    ['a Word document', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'unsupported'],
    ['a JPEG cut after its signature', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'damaged'],
    ['a PNG cut before its header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'damaged'],
  ])('refuses %s', (_label, bytes, problem) => {
    expect(inspectScanFile(bytes)).toEqual({ ok: false, problem });
  });

  it('refuses a password-protected PDF', () => {
    const encrypted = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<a><b>] >>\n%%EOF');
    expect(inspectScanFile(encrypted)).toEqual({ ok: false, problem: 'locked' });
  });

  it('refuses a file over the size limit before looking inside', () => {
    expect(inspectScanFile(new Uint8Array(MAX_SCAN_BYTES + 1))).toEqual({ ok: false, problem: 'too-large' });
  });
});

describe('inspectScanFile on the corpus of bad inputs', () => {
  const read = (name: string) => new Uint8Array(fs.readFileSync(path.join('tests/corpus/bad', name)));
  it.each([
    ['empty.png', 'empty'],
    ['not-an-image.jpg', 'unsupported'],
    ['encrypted.pdf', 'locked'],
    ['huge-400mp.png', 'too-many-pixels'],
  ])('%s → %s', (name, problem) => {
    expect(inspectScanFile(read(name))).toEqual({ ok: false, problem });
  });
});
