/**
 * A printed codice fiscale that OCR read with one character too many (cie-14, a phone photo: `6`
 * read as `G6`) is repaired only when the check letter and the MRZ on the same side both confirm
 * exactly one repair; otherwise it stays unread.
 */
import { describe, expect, it } from 'vitest';
import { CheckDigitizer } from '@marketto/codice-fiscale-utils';
import { fiscalCodeInText, fiscalCodesWithOneExtraCharacter } from '../../../shared/document-reading/fiscal-code-text';
import type { BarcodeReader, OcrEngine, OcrLine } from '../../../shared/document-reading/ocr-engine';
import { readSide } from '../../../shared/document-reading/side-reading';

const line = (text: string, y: number, confidence = 90): OcrLine => ({ text, confidence, box: { x: 10, y, width: 300, height: 20 }, words: [] });
const cie14Mrz = ['C<ITACA18896ZH8<<<<<<<<<<<<<<<', '6907156F3507153ITA<<<<<<<<<<<6', 'BIANCHI<<ANNA<<<<<<<<<<<<<<<<<'];
const otherMrz = ['C<ITACA12136ZM4<<<<<<<<<<<<<<<', '8504124M3304123ITA<<<<<<<<<<<4', 'ROSSI<<MARIO<<<<<<<<<<<<<<<<<<'];
const noBarcodes: BarcodeReader = { readCode39: async () => [], readQrCodes: async () => [] };
const raster = { width: 1100, height: 700, data: new Uint8Array(1100 * 700).fill(230) };

function ocrOf(texts: string[]): OcrEngine {
  return { recognize: async () => ({ lines: texts.map((t, i) => line(t, 40 + i * 60, t.includes('G69') ? 52 : 90)) }) };
}

const backSide = (printed: string, mrz: string[]) => readSide(raster, { ocr: ocrOf(['CODICE FISCALE / FISCAL CODE', printed, 'INDIRIZZO DI RESIDENZA / RESIDENCE', ...mrz]), barcodes: noBarcodes, today: '2026-11-23' });

describe('fiscalCodesWithOneExtraCharacter', () => {
  it('drops the character OCR added and keeps what the check letter allows', () => {
    expect(fiscalCodeInText('BNCNNAG69L55L219F')).toBeNull();
    expect(fiscalCodesWithOneExtraCharacter('BNCNNAG69L55L219F')).toContain('BNCNNA69L55L219F');
  });
  it('gives nothing for text that is no code with a character added', () => {
    expect(fiscalCodesWithOneExtraCharacter('INDIRIZZO DI RESIDENZA')).toEqual([]);
    expect(fiscalCodesWithOneExtraCharacter('BNCNNA69L55L219F')).toEqual([]);
  });
  it('refuses a code whose month letter or day no codice fiscale can hold, whatever its check letter', () => {
    const badMonth = 'BNCNNA69F55L219';
    const badDay = 'BNCNNA69L95L219';
    expect(fiscalCodeInText(badMonth + CheckDigitizer.checkDigit(badMonth))).toBeNull();
    expect(fiscalCodeInText(badDay + CheckDigitizer.checkDigit(badDay))).toBeNull();
  });
});

describe('readSide: the printed codice fiscale with a character too many', () => {
  it('is repaired when the MRZ on the same side confirms birth date, sex and names, at reduced confidence', async () => {
    const side = await backSide('BNCNNAG69L55L219F', cie14Mrz);
    expect(side.kind).toEqual({ documentType: 'CIE', side: 'back' });
    expect(side.candidates.fiscalCode).toMatchObject({ value: 'BNCNNA69L55L219F', source: 'viz', box: { y: 100 } });
    expect(side.candidates.fiscalCode?.confidence).toBeLessThanOrEqual(0.52);
  });
  it('stays unread when the MRZ belongs to someone else', async () => {
    const side = await backSide('BNCNNAG69L55L219F', otherMrz);
    expect(side.candidates.fiscalCode).toBeUndefined();
  });
  it('stays unread without an MRZ to confirm it', async () => {
    const side = await backSide('BNCNNAG69L55L219F', []);
    expect(side.candidates.fiscalCode).toBeUndefined();
  });
  it('a code read as printed needs no MRZ', async () => {
    const side = await backSide('BNCNNA69L55L219F', otherMrz);
    expect(side.candidates.fiscalCode).toMatchObject({ value: 'BNCNNA69L55L219F', confidence: 0.9 });
  });
});
