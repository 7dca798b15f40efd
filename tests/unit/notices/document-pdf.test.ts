import { describe, expect, it } from 'vitest';
import { renderReceiptPdf, renderRefusalNoticePdf, buildRefusalEml } from '../../../renderer/documents/applicant-documents';
import { simpleParser } from 'mailparser';
import { NOW, refusedCase, sampleForm, sampleOffice, sampleReasons } from './sample-case';
import { pdfPageCount, pdfText, shippedFonts } from './pdf-text';

const fonts = shippedFonts();
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('applicant document PDFs (pdf-lib, embedded DejaVu)', () => {
  it('prints the refusal notice with letterhead, accented names and both values of every reason', async () => {
    const { pdf, fileName, warnings } = await renderRefusalNoticePdf({ record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW }, fonts);
    const text = squash(pdfText(pdf));
    expect(fileName).toBe('avviso-rifiuto-RM01-20261123-0007.pdf');
    expect(warnings).toEqual([]);
    for (const expected of [
      'Sede di Forlì',
      'Via Giorgio Regnoli 2, 47121 Forlì (FC)',
      'Avviso di mancato accoglimento della domanda',
      'RM01-20261123-0007',
      "D'AGOSTINO Niccolò",
      'Il cognome indicato nel modulo non corrisponde a quello del documento di identità.',
      "Nel modulo: «D'Agostino». Nel documento di identità: «DAGOSTINI».",
      'Nel modulo: «12/04/1985». Nel documento di identità: «04/12/1985».',
      'invertito giorno e mese',
      'Come procedere',
      'Pagina 1 di 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('prints the receipt with the credential rules', async () => {
    const { pdf } = await renderReceiptPdf({ record: refusedCase(), office: sampleOffice, received: ['modulo', 'documento-fronte', 'documento-retro'], now: NOW }, fonts);
    const text = squash(pdfText(pdf));
    expect(text).toContain('Ricevuta di presentazione della domanda');
    expect(text).toContain('Medico esterno');
    expect(text).toContain('Documento di identità (retro)');
    expect(text).toContain('utilizzare le credenziali di un altro utente');
  });

  it('prints names outside Latin-1 and breaks a long notice across pages with a footer on each', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ code: `CODE_${i}`, field: 'surname' as const, formValue: `Łukasiewicz-Ștefănescu ${i}`, documentValue: `ŁUKASIEWICZ ${i}`, message: `Motivo numero ${i} con un testo abbastanza lungo da andare a capo almeno una volta nella pagina A4 stampata allo sportello.` }));
    const record = refusedCase({ form: sampleForm({ cognome: 'Łukasiewicz-Ștefănescu', nome: 'Zoë' }), decision: { ...refusedCase().decision!, reasonCodes: many.map((r) => r.code) } });
    const { pdf, warnings } = await renderRefusalNoticePdf({ record, office: sampleOffice, reasons: many, now: NOW }, fonts);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = squash(pdfText(pdf));
    expect(text).toContain('ŁUKASIEWICZ-ȘTEFĂNESCU Zoë');
    expect(text).toContain('Motivo numero 39');
    expect(text).toContain(`Pagina ${pages} di ${pages}`);
    expect(warnings).toHaveLength(40);
  });

  it('attaches the very notice PDF to the e-mail draft', async () => {
    const draft = await buildRefusalEml({ record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW }, fonts);
    const mail = await simpleParser(draft.eml!);
    expect(new Uint8Array(mail.attachments[0].content)).toEqual(draft.notice.pdf);
    expect(squash(pdfText(new Uint8Array(mail.attachments[0].content)))).toContain('DAGOSTINI');
  });

  it('still prints the notice when the applicant has no address: the draft alone is missing', async () => {
    const record = refusedCase({ form: sampleForm({ cognome: 'Rossi', nome: 'Anna' }) });
    const draft = await buildRefusalEml({ record, office: sampleOffice, reasons: [], now: NOW }, fonts);
    expect(draft.eml).toBeNull();
    expect(draft.warnings.map((w) => w.code)).toEqual(['no-recipient']);
    expect(squash(pdfText(draft.notice.pdf))).toContain('ROSSI Anna');
  });
});
