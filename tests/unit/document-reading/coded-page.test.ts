import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { renderPrefilledFormPdf } from '../../../renderer/documents/prefilled-form';
import { checkSignatureByCode } from '../../../shared/document-reading/coded-page';
import { parseFormTemplate } from '../../../shared/document-reading/form-template';
import { createZxingBarcodeReader, type ReadBarcodes } from '../../../shared/document-reading/zxing-barcodes';
import type { Box, GrayRaster } from '../../../shared/document-reading/raster';
import { parseFormCode } from '../../../shared/notices/form-code';
import { shippedFonts } from '../notices/pdf-text';
import { refusedCase, sampleForm } from '../notices/sample-case';

prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });
const barcodes = createZxingBarcodeReader(readBarcodes as unknown as ReadBarcodes);
const template = parseFormTemplate(JSON.parse(fs.readFileSync('resources/forms/modulo-abilitazione-facsimile.template.json', 'utf8')));

/** Page 2 of a prefilled facsimile at `dpi`, as a grey raster (pdftoppm writes PGM, trivial to parse). */
function signaturePage(pdf: Uint8Array, dpi: number): GrayRaster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-coded-'));
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '2', '-l', '2', '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'p')]);
    const pgm = fs.readFileSync(path.join(dir, 'p.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('unexpected PGM header');
    const [width, height] = [Number(header[1]), Number(header[2])];
    return { width, height, data: new Uint8Array(pgm.subarray(pgm.length - width * height)) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page placed on a larger white image with a margin: a photo or a scan framed differently. */
function framed(page: GrayRaster, left: number, top: number): GrayRaster {
  const width = page.width + left + 40;
  const height = page.height + top + 40;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < page.height; y += 1) data.set(page.data.subarray(y * page.width, (y + 1) * page.width), (y + top) * width + left);
  return { width, height, data };
}

/** A wavy pen stroke across the middle of `box`. */
function sign(raster: GrayRaster, box: Box): void {
  for (let i = 0; i <= 400; i += 1) {
    const x = Math.round(box.x + box.width * (0.15 + (0.65 * i) / 400));
    const y = Math.round(box.y + box.height * (0.55 + 0.2 * Math.sin(i / 20)));
    for (let dy = -2; dy <= 2; dy += 1) for (let dx = -1; dx <= 1; dx += 1) raster.data[(y + dy) * raster.width + x + dx] = 20;
  }
}

async function codeBox(raster: GrayRaster): Promise<Box> {
  const [read] = await barcodes.readQrCodes(raster);
  expect(parseFormCode(read.text)?.page).toBe(2);
  return read.box;
}

describe('signature box of a prefilled page, located through its code', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    const formPdf = new Uint8Array(fs.readFileSync('resources/forms/modulo-abilitazione-facsimile.pdf'));
    const record = refusedCase({ profile: 'MEDICO_ESTERNO', form: sampleForm({ cognome: 'Rossi', nome: 'Mario', luogo_data: 'Roma, 27/11/2026' }) });
    pdf = (await renderPrefilledFormPdf({ formPdf, record, fonts: shippedFonts() })).pdf;
  });

  it.each([
    { dpi: 150, left: 0, top: 0 },
    { dpi: 200, left: 0, top: 0 },
    { dpi: 150, left: 180, top: 260 },
  ])('finds the box at $dpi dpi with the page $left px right and $top px down: empty, then signed', async ({ dpi, left, top }) => {
    const page = framed(signaturePage(pdf, dpi), left, top);
    const box = await codeBox(page);
    const empty = checkSignatureByCode(page, box, template);
    expect(empty.signed).toBe(false);
    // The box found is where the template puts it on this page, within 4 pt (the box is much larger,
    // and the check keeps away from its edges).
    const scale = dpi / 72;
    const tolerance = 4 * scale;
    expect(Math.abs(empty.box.x - (left + template.signature.x * scale))).toBeLessThan(tolerance);
    expect(Math.abs(empty.box.y - (top + template.signature.y * scale))).toBeLessThan(tolerance);
    expect(Math.abs(empty.box.width - template.signature.width * scale)).toBeLessThan(tolerance);

    sign(page, empty.box);
    expect(checkSignatureByCode(page, box, template).signed).toBe(true);
  });
});
