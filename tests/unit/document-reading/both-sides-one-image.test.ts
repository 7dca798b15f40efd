/**
 * A copy of both CIE sides in one small image cut to the cards (as applicants send them and as
 * the Ministry publishes its facsimile, ~640 px wide): both sides are read, every value confirmed.
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { decodeFile } from '../../../cli/node-decode';
import { createNodeBarcodeReader, createNodeOcr } from '../../../cli/node-engines';
import { readIdDocument } from '../../../shared/document-reading/read-id-document';

const ocr = createNodeOcr(2);
afterAll(() => ocr.pool.terminate());

it('front above back, 640 px wide, JPEG 75: every field of cie-01, each confirmed', { timeout: 120_000 }, async () => {
  const side = (name: string) => sharp(path.resolve('tests/corpus/images', name)).resize({ width: 640 }).toBuffer();
  const [front, back] = await Promise.all([side('cie-01-front.jpg'), side('cie-01-back.jpg')]);
  const { height } = await sharp(front).metadata();
  const stacked = await sharp({ create: { width: 640, height: (height ?? 0) * 2, channels: 3, background: '#ffffff' } })
    .composite([{ input: front, top: 0, left: 0 }, { input: back, top: height ?? 0, left: 0 }])
    .jpeg({ quality: 75 })
    .toBuffer();
  const pages = await decodeFile(new Uint8Array(stacked), 'cie-fronte-retro.jpg');
  const { reading } = await readIdDocument(pages, { ocr, barcodes: createNodeBarcodeReader(), today: '2026-11-23' });
  expect(reading.documentType).toBe('CIE');
  expect(reading.sidesSeen.sort()).toEqual(['back', 'front']);
  expect(reading.fields).toEqual({ surname: 'ROSSI', givenNames: 'MARIO', sex: 'M', birthDate: '1985-04-12', birthPlace: 'ROMA', fiscalCode: 'RSSMRA85D12H501L', documentNumber: 'CA12136ZM', issueDate: '2022-03-14', expiryDate: '2033-04-12', nationality: 'ITA' });
  // The issue date is printed only: nothing can refute it.
  expect(Object.keys(reading.confirmedBy ?? {}).sort()).toEqual(['birthDate', 'birthPlace', 'documentNumber', 'expiryDate', 'fiscalCode', 'givenNames', 'nationality', 'sex', 'surname']);
});
