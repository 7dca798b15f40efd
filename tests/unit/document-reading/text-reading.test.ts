import { describe, expect, it } from 'vitest';
import { fiscalCodeInText, hasValidCheckLetter } from '../../../shared/document-reading/fiscal-code-text';
import { lineOnPitchGrid } from '../../../shared/document-reading/mrz-pitch';
import type { OcrLine } from '../../../shared/document-reading/ocr-engine';
import { cleanName, findCode, isLabelLine, repairByClass } from '../../../shared/document-reading/text-patterns';
import { extractPrintedFields } from '../../../shared/document-reading/viz-extraction';

describe('repairByClass / findCode', () => {
  it('forces look-alikes into the class of each position', () => {
    expect(repairByClass('CAO2I36ZM', 'LLDDDDDLL')).toBe('CA02136ZM');
    expect(repairByClass('C412136ZM', 'LLDDDDDLL')).toBe('CA12136ZM');
  });
  it('refuses what does not fit', () => {
    expect(repairByClass('CA12136Z', 'LLDDDDDLL')).toBeNull();
    expect(repairByClass('CA12#36ZM', 'LLDDDDDLL')).toBeNull();
  });
  it('does not slide over long runs of text (REPUBBLICA ITALIANA is no passport number)', () => {
    expect(findCode('REPUBBLICA ITALIANA', 'LLDDDDDDD')).toBeNull();
    expect(findCode('P ITA CK4603140', 'LLDDDDDDD')?.value).toBe('CK4603140');
    expect(findCode('CK460 3140', 'LLDDDDDDD')?.value).toBe('CK4603140');
  });
});

describe('fiscalCodeInText', () => {
  it('accepts a valid code and an omocodic one', () => {
    expect(fiscalCodeInText('RSSMRA85D12H501L')).toBe('RSSMRA85D12H501L');
    expect(hasValidCheckLetter('RSSMRA85D12H50ML')).toBe(false);
    expect(fiscalCodeInText('codice: RSSMRA85D12H50MD')).toBe('RSSMRA85D12H50MD');
  });
  it('repairs O/0 and I/1 by position and lets the check letter decide', () => {
    expect(fiscalCodeInText('RSSMRA85D12H5O1L')).toBe('RSSMRA85D12H501L');
    expect(fiscalCodeInText('RSSMRA8SD12H501L')).toBe('RSSMRA85D12H501L');
  });
  it('returns null on a wrong check letter or garbage, never a guess', () => {
    expect(fiscalCodeInText('RSSMRA85D12H501X')).toBeNull();
    expect(fiscalCodeInText('CNTLCUO0AO05A944N')).toBeNull();
    expect(fiscalCodeInText('')).toBeNull();
  });
});

describe('labels and names', () => {
  it('tells bilingual labels from values', () => {
    expect(isLabelLine('COGNOME / SURNAME')).toBe(true);
    expect(isLabelLine('LUOGO E DATA DI NASCITA / PLACE AND DATE OF BIRTH')).toBe(true);
    expect(isLabelLine("D'ANGELO")).toBe(false);
    expect(isLabelLine('MARIA GRAZIA')).toBe(false);
  });
  it('keeps accents and apostrophes, drops debris', () => {
    expect(cleanName("d ' angelo")).toBe("D'ANGELO");
    expect(cleanName('NICOLÒ')).toBe('NICOLÒ');
    expect(cleanName('|')).toBeNull();
  });
});

describe('lineOnPitchGrid', () => {
  const line = (chars: Array<[string, number, number]>): OcrLine => ({
    text: chars.map((c) => c[0]).join(''),
    confidence: 80,
    box: { x: 0, y: 0, width: 1000, height: 30 },
    words: [{ text: '', confidence: 80, box: { x: 0, y: 0, width: 1000, height: 30 }, symbols: chars.map(([text, x, confidence]) => ({ text, confidence, box: { x, y: 0, width: 20, height: 30 } })) }],
  });
  it('drops a symbol inserted inside a character cell, keeping the more confident one', () => {
    const text = 'CK46031402ITA8504124M3307308';
    const chars: Array<[string, number, number]> = [...text].map((c, i) => [c, i * 30, 90]);
    // `ITA` read as `I1T7A`: two extra symbols between the real ones.
    chars.splice(11, 0, ['1', 10 * 30 + 14, 40]);
    chars.splice(13, 0, ['7', 11 * 30 + 14, 40]);
    expect(lineOnPitchGrid(line(chars))).toBe(text);
  });
  it('needs enough symbols to know the pitch', () => {
    expect(lineOnPitchGrid(line([['A', 0, 90]]))).toBeNull();
  });
});

describe('health card names without their labels (an angled phone photo)', () => {
  const line = (text: string, y: number): OcrLine => ({ text, confidence: 90, box: { x: 210, y, width: 300, height: 30 }, words: [] });
  const read = (texts: string[]) => extractPrintedFields({ documentType: 'HEALTH_CARD', side: 'single' }, { lines: texts.map((t, i) => line(t, 300 + i * 60)) });

  it('takes the two lines under the codice fiscale when its name letters confirm them', () => {
    const fields = read(['RSSMRA85D12H501L', 'ROSSI', 'MARIO', 'ROMA']);
    expect([fields.surname?.value, fields.givenNames?.value]).toEqual(['ROSSI', 'MARIO']);
  });
  it('never shifts a value into the wrong field when a line was not read', () => {
    const fields = read(['RSSMRA85D12H501L', 'MARIO', 'ROMA']);
    expect([fields.surname, fields.givenNames]).toEqual([undefined, undefined]);
  });
});
