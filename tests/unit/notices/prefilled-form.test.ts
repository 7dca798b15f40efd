import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { renderPrefilledFormPdf } from '../../../renderer/documents/prefilled-form';
import { formDigest, parseFormCode } from '../../../shared/notices/form-code';
import { pdfText, shippedFonts } from './pdf-text';
import { refusedCase, sampleForm } from './sample-case';

prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });

/** A two-page stand-in for the facsimile: the DOMAIN.md field names, one of them with a MaxLen. */
async function fillableForm(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const form = pdf.getForm();
  const first = pdf.addPage([595.28, 841.89]);
  first.drawText('Modulo di domanda (prova)', { x: 57, y: 780, size: 14, font });
  const fields: [string, number][] = [['cognome', 700], ['nome', 670], ['codice_fiscale', 640], ['email', 610]];
  for (const [name, y] of fields) {
    first.drawText(name, { x: 57, y: y + 6, size: 9, font });
    form.createTextField(name).addToPage(first, { x: 160, y, width: 300, height: 20 });
  }
  const cap = form.createTextField('cap_residenza');
  cap.setMaxLength(5);
  cap.addToPage(first, { x: 160, y: 580, width: 80, height: 20 });
  form.createDropdown('tipo_profilo').addOptions(['MEDICO_ESTERNO', 'MEDICO_OSPEDALIERO', 'REFERENTE_STRUTTURA']);
  form.getDropdown('tipo_profilo').addToPage(first, { x: 160, y: 550, width: 200, height: 20 });
  const second = pdf.addPage([595.28, 841.89]);
  form.createTextField('luogo_data').addToPage(second, { x: 57, y: 200, width: 250, height: 20 });
  return pdf.save();
}

function pagePng(pdf: Uint8Array, page: number): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-form-'));
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'p')]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'p.png')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('prefilled form for a walk-in without a form', () => {
  const record = refusedCase({
    profile: 'MEDICO_OSPEDALIERO',
    form: sampleForm({ cognome: 'Łukasiewicz', nome: 'Niccolò', codice_fiscale: 'LKSNCL85D12H501X', email: 'n@example.it', cap_residenza: '001234', luogo_data: 'Forlì, 23/11/2026', pec: 'x@pec.it' }),
  });

  it('fills the AcroForm fields by their stable names, keeps them fillable, and reports what did not fit', async () => {
    const result = await renderPrefilledFormPdf({ formPdf: await fillableForm(), record, fonts: shippedFonts() });
    const filled = (await PDFDocument.load(result.pdf)).getForm();
    expect(filled.getTextField('cognome').getText()).toBe('Łukasiewicz');
    expect(filled.getTextField('nome').getText()).toBe('Niccolò');
    expect(filled.getDropdown('tipo_profilo').getSelected()).toEqual(['MEDICO_OSPEDALIERO']);
    expect(filled.getTextField('luogo_data').getText()).toBe('Forlì, 23/11/2026');
    // cap_residenza is longer than the field's MaxLen; pec has no field in this form.
    expect(result.unmatchedFields.sort()).toEqual(['cap_residenza', 'pec']);
    expect(pdfText(result.pdf)).toContain('Łukasiewicz');
    expect(result.fileName).toBe('modulo-RM01-20261123-0007.pdf');
  });

  it('stamps every page with a QR code that reads back to the case id and the digest of the printed data', async () => {
    const result = await renderPrefilledFormPdf({ formPdf: await fillableForm(), record, fonts: shippedFonts() });
    for (const page of [1, 2]) {
      const [read] = await readBarcodes(pagePng(result.pdf, page), { formats: ['QRCode'], tryHarder: true });
      expect(parseFormCode(read?.text ?? ''), `page ${page}`).toEqual({ caseId: record.id, formDigest: formDigest(record.profile, record.form), page });
      expect(result.formDigest).toBe(formDigest(record.profile, record.form));
    }
  });
});

describe('form code', () => {
  const form = sampleForm({ cognome: 'Rossi', nome: 'Anna' });

  it('digests what is printed, not where a value came from', () => {
    const ocr = { ...form, cognome: { value: 'Rossi', source: 'ocr' as const, confidence: 0.6 } };
    expect(formDigest('MEDICO_ESTERNO', ocr)).toBe(formDigest('MEDICO_ESTERNO', form));
    expect(formDigest('MEDICO_ESTERNO', { ...form, cognome: { value: 'Rosi', source: 'clerk', confidence: 1 } })).not.toBe(formDigest('MEDICO_ESTERNO', form));
    expect(formDigest('MEDICO_OSPEDALIERO', form)).not.toBe(formDigest('MEDICO_ESTERNO', form));
  });

  const id = '3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f';
  it.each(['', 'SPAB1|not-a-uuid|' + 'a'.repeat(64) + '|1', `SPAB2|${id}|${'a'.repeat(64)}|1`, `SPAB1|${id}|${'a'.repeat(63)}|1`, `SPAB1|${id}|${'a'.repeat(64)}`, `SPAB1|${id}|${'a'.repeat(64)}|0`, 'https://evil.example/'])(
    'refuses a code that is not ours: %j',
    (text) => expect(parseFormCode(text)).toBeNull(),
  );
});

describe('prefilled facsimile form (resources/forms)', () => {
  it('fills every field of the facsimile, ticks the profile, and the signature page carries the readable code', async () => {
    const formPdf = new Uint8Array(fs.readFileSync(path.resolve('resources/forms/modulo-abilitazione-facsimile.pdf')));
    const record = refusedCase({
      profile: 'REFERENTE_STRUTTURA',
      form: sampleForm({ cognome: 'Łukasiewicz', nome: 'Niccolò', codice_fiscale: 'LKSNCL85D12H501X', sesso: 'M', data_nascita: '12/04/1985', struttura_denominazione: 'Ospedale Morgagni-Pierantoni', luogo_data: 'Forlì, 23/11/2026' }),
    });
    const result = await renderPrefilledFormPdf({ formPdf, record, fonts: shippedFonts() });
    expect(result.unmatchedFields).toEqual([]);
    const filled = (await PDFDocument.load(result.pdf)).getForm();
    expect(filled.getRadioGroup('tipo_profilo').getSelected()).toBe('REFERENTE_STRUTTURA');
    expect(filled.getTextField('struttura_denominazione').getText()).toBe('Ospedale Morgagni-Pierantoni');
    const pages = (await PDFDocument.load(result.pdf)).getPageCount();
    const [read] = await readBarcodes(pagePng(result.pdf, pages), { formats: ['QRCode'], tryHarder: true });
    expect(parseFormCode(read.text)).toEqual({ caseId: record.id, formDigest: formDigest(record.profile, record.form), page: pages });
  });
});
