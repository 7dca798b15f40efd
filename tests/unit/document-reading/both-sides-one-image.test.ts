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

it('both sides on a white scanner lid, the back with a white MRZ strip (its outline cut short): the back is found by its MRZ', { timeout: 120_000 }, async () => {
  const gray = async (name: string) => sharp(path.resolve('tests/corpus/images', name)).grayscale().raw().toBuffer({ resolveWithObject: true });
  const [front, back] = await Promise.all([gray('cie-01-front.jpg'), gray('cie-01-back.jpg')]);
  const { width, height } = back.info;
  // The lower 40 % of the back as white as the lid around it, but for its print.
  for (let y = Math.floor(height * 0.6); y < height; y += 1) for (let x = 0; x < width; x += 1) if (back.data[y * width + x] > 150) back.data[y * width + x] = 253;
  const page = { width: width + 300, height: height * 2 + 400, data: new Uint8Array((width + 300) * (height * 2 + 400)).fill(253) };
  const paste = (data: Buffer, top: number) => {
    for (let y = 0; y < height; y += 1) page.data.set(data.subarray(y * width, (y + 1) * width), (top + y) * page.width + 150);
  };
  paste(front.data, 120);
  paste(back.data, height + 280);
  const { reading } = await readIdDocument([page], { ocr, barcodes: createNodeBarcodeReader(), today: '2026-11-23' });
  expect(reading.sidesSeen.sort()).toEqual(['back', 'front']);
  expect(reading.fields.documentNumber).toBe('CA12136ZM');
  expect(reading.fields.fiscalCode).toBe('RSSMRA85D12H501L');
  expect(reading.confirmedBy?.documentNumber).toBeDefined();
});
