/**
 * A document laid on the flatbed a quarter or half turn round reads like an upright one: the
 * locator straightens it to the nearest quarter turn, and the MRZ says which way is up.
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFile } from '../../../cli/node-decode';
import { createNodeBarcodeReader, createNodeOcr } from '../../../cli/node-engines';
import { readIdDocument } from '../../../shared/document-reading/read-id-document';

const ocr = createNodeOcr(2);
afterAll(() => ocr.pool.terminate());

describe('a passport turned on the flatbed', { timeout: 120_000 }, () => {
  it.each([90, 180, 270])('turned %i°: the MRZ is read, every value confirmed by its check digits', async (angle) => {
    const turned = await sharp(path.resolve('tests/corpus/images/passport-01.jpg')).rotate(angle).jpeg({ quality: 90 }).toBuffer();
    const { reading } = await readIdDocument(await decodeFile(new Uint8Array(turned), 'passaporto.jpg'), { ocr, barcodes: createNodeBarcodeReader(), today: '2026-11-23' });
    expect(reading.documentType).toBe('PASSPORT');
    expect(reading.fields.documentNumber).toBe('CK4603140');
    expect(reading.confirmedBy?.documentNumber).toBeDefined();
  });
});
