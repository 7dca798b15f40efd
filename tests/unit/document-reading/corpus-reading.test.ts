/**
 * Reads a handful of corpus documents end to end with the Node engines (the full corpus is the
 * benchmark's job: scripts/bench/ocr-accuracy.ts). Every field must be exact or, where the reader
 * is unsure, null: a wrong value fails the test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentFiles } from '../../../cli/document-files';
import { createNodeBarcodeReader, createNodeOcr } from '../../../cli/node-engines';
import { DocumentInputError } from '../../../shared/document-reading/input-file';
import { ID_DOCUMENT_FIELDS, type IdDocumentFields } from '../../../shared/identity/types';

interface TruthDocument {
  id: string;
  documentType: string;
  files: string[];
  fields: IdDocumentFields;
}

const corpus = path.resolve('tests/corpus');
const truth = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8')) as { today: string; documents: TruthDocument[] };
const ocr = createNodeOcr(2);
const deps = { ocr, barcodes: createNodeBarcodeReader(), today: truth.today };
afterAll(() => ocr.pool.terminate());

const read = (files: string[], dir = 'images') => readDocumentFiles(files.map((f) => path.join(corpus, dir, f)), deps);

// OCR is CPU-bound: generous limits so a loaded CI machine is slow, not red.
describe('reading corpus documents', { timeout: 90_000 }, () => {
  // A clean CIE, an apostrophe surname with an accented given name, both CIE sides on one rotated flatbed page, a passport whose names are cut in the
  // MRZ, a licence, a health card and a paper ID.
  it.each(['cie-01', 'cie-02', 'cie-08', 'passport-04', 'licence-01', 'health-01', 'paper-01'])('%s: every field exact', async (id) => {
    const doc = truth.documents.find((d) => d.id === id) as TruthDocument;
    const { reading, evidence } = await read(doc.files);
    expect(reading.documentType).toBe(doc.documentType);
    expect(reading.fields).toEqual(doc.fields);
    for (const field of ID_DOCUMENT_FIELDS) {
      if (doc.fields[field] === null) continue;
      expect(reading.fieldSources[field], field).toBeDefined();
      expect(reading.confidence[field], field).toBeGreaterThan(0);
      expect(evidence[field]?.box, field).not.toBeNull();
    }
  });

  // Phone photos taken at an angle (a clear trapezoid, uneven light): cut out through a homography.
  // On health-06 the small grey labels of the names are not read: the names come from the card's
  // order under the codice fiscale, confirmed by its name letters.
  it.each(['cie-15', 'cie-16', 'passport-09', 'licence-07', 'health-06', 'paper-06'])('%s, a phone photo at an angle: every field exact', async (id) => {
    const doc = truth.documents.find((d) => d.id === id) as TruthDocument;
    const { reading } = await read(doc.files);
    expect(reading.documentType).toBe(doc.documentType);
    expect(reading.fields).toEqual(doc.fields);
  });

  it('takes the MRZ, the barcode and the printed text for a CIE, and says so', async () => {
    const { reading } = await read(['cie-01-back.jpg', 'cie-01-front.jpg']);
    expect(reading.fieldSources).toMatchObject({ fiscalCode: 'barcode', birthDate: 'mrz', documentNumber: 'mrz', birthPlace: 'viz', issueDate: 'viz' });
    expect(reading.confidence.birthDate).toBe(1);
    expect(reading.sidesSeen.sort()).toEqual(['back', 'front']);
    expect(reading.warnings).toEqual([]);
  });

  it('warns when a side of the CIE is missing', async () => {
    const { reading } = await read(['cie-01-front.jpg']);
    expect(reading.documentType).toBe('CIE');
    expect(reading.fields.fiscalCode).toBeNull();
    expect(reading.warnings.map((w) => w.code)).toContain('sideMissing');
    expect(reading.warnings.find((w) => w.code === 'sideMissing')?.message).toMatch(/retro/);
  });
});

describe('bad input', { timeout: 90_000 }, () => {
  it.each(['blank-page.jpg', 'photo-of-something-else.jpg'])('%s → UNKNOWN, no field, a warning', async (file) => {
    const { reading } = await read([file], 'bad');
    expect(reading.documentType).toBe('UNKNOWN');
    expect(Object.values(reading.fields).every((v) => v === null)).toBe(true);
    expect(reading.warnings.map((w) => w.code)).toContain('unreadable');
  });

  it.each(['empty.png', 'not-an-image.jpg', 'truncated.jpg', 'corrupt.png', 'huge-400mp.png', 'truncated.tiff', 'encrypted.pdf', 'malformed.pdf'])('%s → a clear Italian error', async (file) => {
    await expect(read([file], 'bad')).rejects.toBeInstanceOf(DocumentInputError);
    await expect(read([file], 'bad')).rejects.toThrow(/«.+»/);
  });
});
