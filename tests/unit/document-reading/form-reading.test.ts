import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormTemplate, readFormFiles } from '../../../cli/form-files';
import { createNodeOcr } from '../../../cli/node-engines';
import { acroFormValues } from '../../../shared/document-reading/form-reading';
import { FORM_FIELD_NAMES, parseFormTemplate } from '../../../shared/document-reading/form-template';
import { checkSignature } from '../../../shared/document-reading/signature';
import type { GrayRaster } from '../../../shared/document-reading/raster';
import { openPdf } from '../../../cli/node-decode';

const forms = path.resolve('tests/corpus/forms');
const ocr = createNodeOcr(2);
afterAll(() => ocr.pool.terminate());

describe('facsimile form and template', () => {
  it('the shipped PDF has exactly the AcroForm field names of DOMAIN.md, and the template maps each', async () => {
    const doc = await openPdf(readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.pdf')), 'facsimile');
    const names = Object.keys((await doc.getFieldObjects()) ?? {}).sort();
    await doc.destroy();
    expect(names).toEqual([...FORM_FIELD_NAMES].sort());
    const template = await loadFormTemplate();
    expect(Object.keys(template.fields).sort()).toEqual([...FORM_FIELD_NAMES].sort());
  });

  it('refuses a template that leaves a field unmapped', async () => {
    const template = JSON.parse(readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.template.json'), 'utf8'));
    delete template.fields.cognome;
    expect(() => parseFormTemplate(template)).toThrow();
  });

  it('maps radio export values through the template options, and ignores Off', async () => {
    const template = await loadFormTemplate();
    expect(acroFormValues({ tipo_profilo: [{ type: '' }, { type: 'radiobutton', value: '2' }], cognome: [{ type: 'text', value: ' ROSSI ' }], nome: [{ type: 'text', value: '' }] }, template)).toEqual({ tipo_profilo: 'REFERENTE_STRUTTURA', cognome: 'ROSSI' });
    expect(acroFormValues({ tipo_profilo: [{ type: 'radiobutton', value: 'Off' }] }, template)).toEqual({});
  });
});

describe('reading forms', { timeout: 90_000 }, () => {
  it('a digitally filled PDF: exact values from the AcroForm', async () => {
    const reading = await readFormFiles([path.join(forms, 'digital-rossi-mismatch.pdf')], await loadFormTemplate(), ocr);
    expect(reading.source).toBe('acroform');
    expect(reading.fields.tipo_profilo?.value).toBe('MEDICO_OSPEDALIERO');
    expect(reading.identity).toEqual({ surname: 'ROSSI', givenNames: 'MARIA', birthDate: '1985-04-13', sex: 'M', birthPlace: 'ROMA', birthProvince: 'RM', fiscalCode: 'RSSMRA85D12H501L' });
    expect(reading.signature.signed).toBe(false);
  });

  it('a printed, signed scan: identity by zone OCR, signature found', async () => {
    const reading = await readFormFiles(['printed-dangelo-signed-p1.jpg', 'printed-dangelo-signed-p2.jpg'].map((f) => path.join(forms, f)), await loadFormTemplate(), ocr);
    expect(reading.source).toBe('ocr');
    expect(reading.identity).toEqual({ surname: "D'ANGELO", givenNames: 'NICOLÒ', birthDate: '1990-11-01', sex: 'M', birthPlace: 'NAPOLI', birthProvince: 'NA', fiscalCode: 'DNGNCL90S01F839P' });
    expect(Object.values(reading.fields).every((f) => f.source === 'ocr' && f.confidence < 1)).toBe(true);
    // Empty zones stay empty instead of OCR noise.
    expect(reading.fields.struttura_denominazione).toBeUndefined();
    expect(reading.signature.signed).toBe(true);
  });
});

describe('checkSignature', () => {
  const page = (draw: (set: (x: number, y: number) => void) => void): GrayRaster => {
    const r = { width: 200, height: 100, data: new Uint8Array(200 * 100).fill(250) };
    draw((x, y) => (r.data[y * 200 + x] = 20));
    return r;
  };
  const box = { x: 0, y: 0, width: 200, height: 100 };

  it('an empty box with its printed border and signature line is not signed', () => {
    const blank = page((set) => {
      for (let x = 0; x < 200; x += 1) [0, 99, 80].forEach((y) => set(x, y));
      for (let y = 0; y < 100; y += 1) [0, 199].forEach((x) => set(x, y));
    });
    expect(checkSignature(blank, box).signed).toBe(false);
  });

  it('a handwritten stroke is a signature', () => {
    const signed = page((set) => {
      for (let x = 30; x < 170; x += 1) {
        const y = Math.round(50 + 20 * Math.sin(x / 10));
        for (let t = 0; t < 3; t += 1) set(x, y + t);
      }
    });
    expect(checkSignature(signed, box).signed).toBe(true);
  });
});
