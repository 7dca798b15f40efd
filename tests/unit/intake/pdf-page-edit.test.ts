import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isDigitalForm, replacePdfPage } from '../../../renderer/intake/pdf-page-edit';

async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const file of ['printed-dangelo-signed-p1.jpg', 'printed-dangelo-signed-p2.jpg']) {
    const image = await doc.embedJpg(readFileSync(path.resolve('tests/corpus/forms', file)));
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

describe('a page of a scanned PDF replaced by its edited image', () => {
  it('keeps the other pages, sizes the new page from the pixels per point, and drops the old pixels', async () => {
    const before = await scannedPdf();
    const jpeg = new Uint8Array(await sharp({ create: { width: 800, height: 400, channels: 3, background: '#ffffff' } }).jpeg().toBuffer());
    const after = await PDFDocument.load(await replacePdfPage(before, 2, jpeg, 4));
    expect(after.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([
      [595, 842],
      [200, 100],
    ]);
    // The first page's scan is copied as it was; the second's original JPEG is not in the file any more.
    const saved = await after.save();
    const p2 = readFileSync(path.resolve('tests/corpus/forms/printed-dangelo-signed-p2.jpg'));
    expect(Buffer.from(saved).includes(p2.subarray(0, 4096))).toBe(false);
    expect(Buffer.from(saved).includes(readFileSync(path.resolve('tests/corpus/forms/printed-dangelo-signed-p1.jpg')).subarray(0, 4096))).toBe(true);
  });

  it('a digitally filled form is recognised and never rewritten', async () => {
    const form = new Uint8Array(readFileSync(path.resolve('tests/corpus/forms/digital-rossi.pdf')));
    expect(await isDigitalForm(form)).toBe(true);
    expect(await isDigitalForm(await scannedPdf())).toBe(false);
    await expect(replacePdfPage(form, 1, new Uint8Array(), 4)).rejects.toThrow(/not edited/);
  });
});
