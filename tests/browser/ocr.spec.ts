/**
 * The renderer's document reader in Chromium: tesseract.js in Web Workers, zxing-wasm and the
 * language data all from the app's own origin. The fixture fails the test if any request leaves
 * 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const corpus = path.resolve('tests/corpus');
const base64 = (dir: string, file: string) => readFileSync(path.join(corpus, dir, file)).toString('base64');

interface BrowserReading {
  ms: number;
  documentType: string;
  fields: Record<string, string | null>;
  sources: Record<string, string>;
}

test('reads both sides of a CIE in the browser, offline, in the document-reading worker with OCR in workers', async ({ page, context }) => {
  test.setTimeout(120_000);
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  await page.goto('/');
  const files = [
    { name: 'cie-01-front.jpg', data: base64('images', 'cie-01-front.jpg') },
    { name: 'cie-01-back.jpg', data: base64('images', 'cie-01-back.jpg') },
  ];
  const result = await page.evaluate(async (input): Promise<BrowserReading> => {
    const { createDocumentReader } = await import('/ocr/document-reader.ts' as string);
    const reader = createDocumentReader();
    const decoded = input.map((f: { name: string; data: string }) => ({ name: f.name, bytes: Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0)) }));
    const started = performance.now();
    const { reading } = await reader.read(decoded, '2026-11-23');
    const ms = performance.now() - started;
    await reader.terminate();
    return { ms, documentType: reading.documentType, fields: reading.fields, sources: reading.fieldSources };
  }, files);
  const truth = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8')).documents.find((d: { id: string }) => d.id === 'cie-01');
  expect(result.documentType).toBe('CIE');
  expect(result.fields).toEqual(truth.fields);
  expect(result.sources).toMatchObject({ fiscalCode: 'barcode', birthDate: 'mrz', birthPlace: 'viz' });
  // The reading ran in the document-reading worker, which started the tesseract workers; their
  // core and language data came from the app's origin (Chromium does not report the script request
  // of a worker started by a worker, only what that worker fetches).
  expect(requested.some((u) => /^http:\/\/127\.0\.0\.1:\d+\/ocr\/reading\.worker\.ts/.test(u))).toBe(true);
  expect(requested.some((u) => /^http:\/\/127\.0\.0\.1:\d+\/ocr-assets\/tesseract-core\/tesseract-core.*\.wasm/.test(u))).toBe(true);
  expect(requested.some((u) => /^http:\/\/127\.0\.0\.1:\d+\/ocr-assets\/lang\/ita\.traineddata\.gz$/.test(u))).toBe(true);
  test.info().annotations.push({ type: 'read time (cold workers)', description: `${Math.round(result.ms)} ms` });
});

test('bad input in the browser: the same Italian error out of the reading worker, nothing read', async ({ page }) => {
  await page.goto('/');
  const messages = await page.evaluate(async (input) => {
    const { createDocumentReader } = await import('/ocr/document-reader.ts' as string);
    const { DocumentInputError } = await import('/@fs' + input.inputFileModule);
    const reader = createDocumentReader();
    const out: string[] = [];
    for (const f of input.files) {
      try {
        await reader.read([{ name: f.name, bytes: Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0)) }], '2026-11-23');
        out.push('read');
      } catch (error) {
        out.push(error instanceof DocumentInputError ? (error as Error).message : `not a DocumentInputError: ${(error as Error).message}`);
      }
    }
    await reader.terminate();
    return out;
  }, { inputFileModule: path.resolve('shared/document-reading/input-file.ts'), files: ['huge-400mp.png', 'truncated.jpg', 'encrypted.pdf', 'empty.png'].map((name) => ({ name, data: base64('bad', name) })) });
  expect(messages[0]).toMatch(/troppo grande/);
  expect(messages[1]).toMatch(/danneggiato o incompleto/);
  expect(messages[2]).toMatch(/protetto da password/);
  expect(messages[3]).toMatch(/vuoto/);
});
