/**
 * Applicant documents benchmark (`npm run bench:notices`), in Node (pdf-lib and the builders are the
 * same code the renderer runs). Medians over repeated runs of:
 *  - the refusal notice PDF (two reasons, note) with the embedded, subset DejaVu faces;
 *  - baseline, same run: the same resolved text drawn with pdf-lib's built-in Helvetica (WinAnsi,
 *    nothing embedded): the ratio is the cost of a font that prints every applicant's name;
 *  - the .eml draft with that PDF attached; the prefilled facsimile form with its QR codes;
 *  - scan-back of the signed page (page 2 at 300 dpi, as a scanner gives it): the QR search plus the
 *    signature check every captured file now goes through; baseline, same run and same page: the
 *    Code 39 search the ID reading runs on every side.
 * Options: --runs N (default 15).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildRefusalNotice } from '../../shared/notices/refusal-notice';
import { buildRefusalEmail } from '../../shared/notices/refusal-email';
import { renderApplicantDocumentPdf, wrap, type DocumentFonts } from '../../renderer/documents/document-pdf';
import { renderPrefilledFormPdf } from '../../renderer/documents/prefilled-form';
import { NOW, refusedCase, sampleOffice, sampleReasons } from '../../tests/unit/notices/sample-case';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createZxingBarcodeReader, type ReadBarcodes } from '../../shared/document-reading/zxing-barcodes';
import { checkSignatureByCode } from '../../shared/document-reading/coded-page';
import { parseFormTemplate } from '../../shared/document-reading/form-template';
import type { GrayRaster } from '../../shared/document-reading/raster';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const fonts: DocumentFonts = {
  regular: new Uint8Array(fs.readFileSync(path.resolve('resources/fonts/DejaVuSans.ttf'))),
  bold: new Uint8Array(fs.readFileSync(path.resolve('resources/fonts/DejaVuSans-Bold.ttf'))),
};
const input = { record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW };
const { document } = buildRefusalNotice(input);
const lines = [document.title, ...document.letterhead, ...document.blocks.flatMap((b) => ('text' in b ? [b.text] : 'items' in b ? b.items.map((i) => (typeof i === 'string' ? i : i.text)) : 'rows' in b ? b.rows.map((r) => `${r.label} ${r.value}`) : [b.label]))];

async function helveticaBaseline(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica, { subset: false });
  const page = pdf.addPage([595.28, 841.89]);
  let y = 780;
  for (const line of lines.flatMap((l) => wrap(l.replace(/[«»–]/g, '"'), font, 10.5, 480))) {
    page.drawText(line, { x: 57, y, size: 10.5, font });
    y -= 14;
  }
  return pdf.save();
}

async function median(label: string, task: () => Promise<unknown>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const value = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(52)} median ${value.toFixed(1).padStart(7)} ms  (min ${times[0].toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, n=${runs})`);
  return value;
}

const noticePdf = await renderApplicantDocumentPdf(document, fonts, NOW);
const formPdf = new Uint8Array(fs.readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.pdf')));
const notice = await median('refusal notice PDF, DejaVu subset embedded', () => renderApplicantDocumentPdf(document, fonts, NOW));
const baseline = await median('baseline: same text, built-in Helvetica', helveticaBaseline);
await median('.eml draft with the notice attached', async () => buildRefusalEmail({ ...input, noticePdf: { fileName: 'a.pdf', bytes: noticePdf } }));
await median('prefilled facsimile form + QR on 2 pages', () => renderPrefilledFormPdf({ formPdf, record: input.record, fonts }));

/** Page 2 of the prefilled form at 300 dpi as a grey raster (pdftoppm's PGM). */
function scannedSignaturePage(pdf: Uint8Array): GrayRaster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signed-'));
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '300', '-f', '2', '-l', '2', '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'p')]);
    const pgm = fs.readFileSync(path.join(dir, 'p.pgm'));
    const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!.map(Number);
    return { width, height, data: new Uint8Array(pgm.subarray(pgm.length - width * height)) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });
const barcodes = createZxingBarcodeReader(readBarcodes as unknown as ReadBarcodes);
const template = parseFormTemplate(JSON.parse(fs.readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.template.json'), 'utf8')));
const signedPage = scannedSignaturePage((await renderPrefilledFormPdf({ formPdf, record: input.record, fonts })).pdf);
const scanBack = await median('scan-back: QR search + signature box, 300 dpi page', async () => {
  const [code] = await barcodes.readQrCodes(signedPage);
  return checkSignatureByCode(signedPage, code.box, template);
});
const code39 = await median('baseline: Code 39 search on the same page', () => barcodes.readCode39(signedPage));
console.log(`ratio scan-back / Code 39 search: ${(scanBack / code39).toFixed(1)}×; page ${signedPage.width}×${signedPage.height} px`);
console.log(`ratio notice / baseline: ${(notice / baseline).toFixed(1)}×; notice size ${(noticePdf.length / 1024).toFixed(1)} KiB, baseline ${((await helveticaBaseline()).length / 1024).toFixed(1)} KiB`);
