import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormTemplate, readFormFiles } from '../../../cli/form-files';
import { createNodeOcr } from '../../../cli/node-engines';
import { acroFormValues } from '../../../shared/document-reading/form-reading';
import { FORM_FIELD_NAMES, parseFormTemplate } from '../../../shared/document-reading/form-template';
import { checkSignature } from '../../../shared/document-reading/signature';
import { readTicks } from '../../../shared/document-reading/tick-boxes';
import type { GrayRaster } from '../../../shared/document-reading/raster';
import { openPdf } from '../../../cli/node-decode';
import { FORMS_DIR, scannedCorpusForms } from '../../corpus/scanned-forms';

const forms = FORMS_DIR;
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

  it('refuses a tick box that names no option of its field', async () => {
    const template = JSON.parse(readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.template.json'), 'utf8'));
    template.choiceBoxes.tipo_profilo.MEDICO_DI_BASE = template.choiceBoxes.tipo_profilo.MEDICO_ESTERNO;
    expect(() => parseFormTemplate(template)).toThrow(/MEDICO_DI_BASE is not an option/);
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

const scannedForms = scannedCorpusForms();

describe('scanned forms: typed or handwritten, and the profile ticked', { timeout: 240_000 }, () => {
  it.each(scannedForms.map((f) => [f.id, f] as const))('%s', async (_id, form) => {
    const reading = await readFormFiles(form.files.map((f) => path.join(forms, f)), await loadFormTemplate(), ocr);
    const expected = form.capture === 'handwritten-scan' ? 'handwritten' : 'typed';
    const filled = Object.entries(form.values).filter(([, v]) => v !== '').map(([name]) => name);
    const writing = Object.fromEntries(filled.map((name) => [name, reading.fields[name as keyof typeof reading.fields]?.writing]));
    expect(writing).toEqual(Object.fromEntries(filled.map((name) => [name, expected])));
    if (form.profile) {
      expect(reading.fields.tipo_profilo).toMatchObject({ value: form.profile, source: 'ocr' });
      expect(reading.fields.tipo_profilo?.confidence).toBeLessThan(1);
      expect(reading.warnings).toEqual([]);
    } else {
      expect(reading.fields.tipo_profilo).toBeUndefined();
      expect(reading.warnings.map((w) => w.code)).toEqual([form.ticked?.length === 0 ? 'profileNotTicked' : 'profileTickedSeveral']);
    }
    // A handwritten value is never read as the applicant's identity: the clerk confirms it first.
    if (expected === 'handwritten') expect(Object.values(reading.identity).every((v) => v === null)).toBe(true);
    else expect(reading.identity.fiscalCode).toBe(form.values.codice_fiscale);
  });
});

describe('readTicks', () => {
  const box = { x: 10, y: 10, width: 30, height: 30 };
  const page = (draw: (set: (x: number, y: number) => void) => void): GrayRaster => {
    const r = { width: 50, height: 50, data: new Uint8Array(50 * 50).fill(245) };
    draw((x, y) => (r.data[y * 50 + x] = 30));
    return r;
  };
  const circle = (set: (x: number, y: number) => void) => {
    for (let a = 0; a < 360; a += 1) set(Math.round(25 + 14 * Math.cos((a * Math.PI) / 180)), Math.round(25 + 14 * Math.sin((a * Math.PI) / 180)));
  };

  it('an empty printed circle is not ticked; a pen cross inside it is', () => {
    expect(readTicks(page(circle), { A: box }).ticked).toEqual([]);
    const crossed = page((set) => {
      circle(set);
      for (let t = 12; t < 38; t += 1) [-1, 0, 1].forEach((d) => (set(t, t + d), set(t, 50 - t + d)));
    });
    expect(readTicks(crossed, { A: box }).ticked).toEqual(['A']);
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
