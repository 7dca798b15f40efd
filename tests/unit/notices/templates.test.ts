import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf } from '../../../shared/notices/template';
import { makeReason, REASON_CODES } from '../../../shared/identity/reasons';
import { writeReason } from '../../../shared/notices/reason-sentences';
import { templatesIt } from '../../../shared/notices/templates';
import { buildReceipt } from '../../../shared/notices/receipt';
import { buildRefusalNotice, NotRefusedError } from '../../../shared/notices/refusal-notice';
import type { ApplicantDocument } from '../../../shared/notices/document-template';
import { translate } from '../../../shared/i18n/translate';
import { NOW, refusedCase, sampleOffice, sampleReasons } from './sample-case';

/** Every string a reader will see, so a test can look for leftovers. */
function allText(doc: ApplicantDocument): string {
  const blocks = doc.blocks.flatMap((b) => {
    switch (b.type) {
      case 'fields':
        return b.rows.flatMap((r) => [r.label, r.value]);
      case 'bullets':
        return b.items;
      case 'list':
        return b.items.flatMap((i) => [i.text, ...i.details]);
      case 'signature':
        return [b.label];
      default:
        return [b.text];
    }
  });
  return [doc.title, ...doc.letterhead, doc.footer, ...blocks].join('\n');
}

const PLACEHOLDER_LEFT = /\{\w+\}/;

describe('template engine', () => {
  it('fills placeholders and reports the ones without a value, leaving them visible', () => {
    expect(fillTemplate('Pratica {n} del {data}', { n: 'RM01-1' })).toEqual({ text: 'Pratica RM01-1 del {data}', missing: ['data'] });
    expect(placeholdersOf('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('does not re-expand braces that come from the data', () => {
    expect(fillTemplate('{nome}', { nome: '{cognome}', cognome: 'X' }).text).toBe('{cognome}');
  });
});

describe('receipt', () => {
  it('fills every placeholder and carries the case, office, profile, received items and credential rules', () => {
    const { document, warnings } = buildReceipt({ record: refusedCase(), office: sampleOffice, received: ['modulo', 'documento-retro', 'documento-fronte'], now: NOW });
    const text = allText(document);
    expect(text).not.toMatch(PLACEHOLDER_LEFT);
    for (const expected of ['RM01-20261123-0007', '23/11/2026', 'Sede di Forlì (FO01)', 'Via Giorgio Regnoli 2', "D'AGOSTINO Niccolò", 'Medico esterno', 'DGSNCL85D12H501X']) {
      expect(text).toContain(expected);
    }
    const received = document.blocks.find((b) => b.type === 'list');
    expect(received).toEqual({
      type: 'list',
      numbered: false,
      items: [
        { text: 'Modulo di domanda firmato', details: [] },
        { text: 'Documento di identità (fronte)', details: ["Carta d'identità elettronica n. CA00000AA"] },
        { text: 'Documento di identità (retro)', details: ["Carta d'identità elettronica n. CA00000AA"] },
      ],
    });
    expect(text).toContain('comunicare a chiunque le proprie credenziali (codice utente e password)');
    expect(text).toContain('consentire a terzi di utilizzare il servizio con le proprie credenziali');
    expect(text).toContain("utilizzare le credenziali di un altro utente");
    expect(document.fileName).toBe('ricevuta-RM01-20261123-0007.pdf');
    expect(warnings).toEqual([]);
  });

  it('writes "non indicato" for what the form lacks and warns when the office is not configured', () => {
    const record = refusedCase({ profile: null, form: {} });
    const { document, warnings } = buildReceipt({ record, office: { officeName: '', officeAddress: '', officeCode: '' }, received: [], now: NOW });
    const text = allText(document);
    expect(text).not.toMatch(PLACEHOLDER_LEFT);
    expect(text).toContain('Nessun documento acquisito.');
    expect(text).toContain('Sede territoriale INAIL');
    expect(document.letterhead).not.toContain('');
    expect(warnings.map((w) => w.code)).toEqual(['office-not-set']);
    expect(translate('it', warnings[0].messageKey)).toMatch(/Impostazioni/);
  });
});

describe('refusal notice', () => {
  it('states each reason with the form value and the document value, the note, and what to do next', () => {
    const { document, warnings } = buildRefusalNotice({ record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW });
    const text = allText(document);
    expect(text).not.toMatch(PLACEHOLDER_LEFT);
    expect(document.letterhead).toEqual(["INAIL – Istituto nazionale per l'assicurazione contro gli infortuni sul lavoro", 'Sede di Forlì', 'Via Giorgio Regnoli 2, 47121 Forlì (FC)']);
    const reasons = document.blocks.find((b) => b.type === 'list');
    expect(reasons).toEqual({
      type: 'list',
      numbered: true,
      items: [
        {
          text: templatesIt.reasons.sentences.SURNAME_MISMATCH,
          details: ["Nel modulo: «D'Agostino». Nel documento di identità: «DAGOSTINI»."],
        },
        {
          text: templatesIt.reasons.sentences.BIRTH_DATE_MISMATCH,
          details: ['Nel modulo: «12/04/1985». Nel documento di identità: «04/12/1985».'],
        },
      ],
    });
    expect(text).toContain('invertito giorno e mese');
    expect(text).toMatch(/Correggere il modulo/);
    expect(text).toMatch(/sede territoriale INAIL/);
    expect(text).toMatch(/In caso di urgenza, rivolgersi alla sede territoriale INAIL più vicina/);
    expect(warnings).toEqual([]);
  });

  it('keeps a reason without a template printable, with a clear Italian warning', () => {
    const record = refusedCase({ decision: { ...refusedCase().decision!, reasonCodes: ['NEW_RULE_2027', 'CLERK_ONLY'] } });
    const reasons = [{ code: 'NEW_RULE_2027', field: 'nationality' as const, formValue: 'ITA', documentValue: 'FRA', message: '' }];
    const { document, warnings } = buildRefusalNotice({ record, office: sampleOffice, reasons, now: NOW });
    const list = document.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items).toEqual([
      { text: 'Il dato «cittadinanza» del modulo non è conforme (motivo NEW_RULE_2027).', details: ['Nel modulo: «ITA». Nel documento di identità: «FRA».'] },
      { text: "Motivo di mancato accoglimento con codice CLERK_ONLY: vedere le note dell'operatore.", details: [] },
    ]);
    expect(warnings.map((w) => [w.code, w.params.code])).toEqual([
      ['reason-without-template', 'NEW_RULE_2027'],
      ['reason-without-template', 'CLERK_ONLY'],
    ]);
    expect(translate('it', warnings[0].messageKey, warnings[0].params)).toBe(
      "Il motivo «NEW_RULE_2027» non ha un testo predefinito: nell'avviso è stato scritto un testo generico. Verificarlo prima di consegnarlo.",
    );
  });

  it("uses the identity check's own sentence for an unknown code when it has one", () => {
    const record = refusedCase({ decision: { ...refusedCase().decision!, reasonCodes: ['X_CODE'] } });
    const reasons = [{ code: 'X_CODE', field: 'surname' as const, formValue: null, documentValue: null, message: 'Frase del controllo.' }];
    const { document } = buildRefusalNotice({ record, office: sampleOffice, reasons, now: NOW });
    expect(allText(document)).toContain('Frase del controllo.');
  });

  it('omits the note section when the clerk wrote none, and lists only reasons the decision kept', () => {
    const record = refusedCase({ decision: { ...refusedCase().decision!, reasonCodes: ['BIRTH_DATE_MISMATCH'], freeText: '' } });
    const { document } = buildRefusalNotice({ record, office: sampleOffice, reasons: sampleReasons, now: NOW });
    const text = allText(document);
    expect(text).not.toContain("Note dell'operatore");
    expect(text).not.toContain('DAGOSTINI');
  });

  it('reprints the same notice on a later day: dated by the decision, not by the printer', () => {
    const input = { record: refusedCase(), office: sampleOffice, reasons: sampleReasons };
    const first = buildRefusalNotice({ ...input, now: NOW });
    const later = buildRefusalNotice({ ...input, now: new Date(Date.UTC(2027, 0, 15)) });
    expect(later).toEqual(first);
    expect(allText(first.document)).toContain('23/11/2026');
  });

  it('refuses to write a refusal notice for a case that was not refused', () => {
    const accepted = refusedCase({ decision: { ...refusedCase().decision!, outcome: 'accept', reasonCodes: [] } });
    expect(() => buildRefusalNotice({ record: accepted, office: sampleOffice, reasons: [], now: NOW })).toThrow(NotRefusedError);
    expect(() => buildRefusalNotice({ record: refusedCase({ decision: null }), office: sampleOffice, reasons: [], now: NOW })).toThrow(NotRefusedError);
  });

  it('has a sentence for exactly the stable reason codes of the identity check, using only known placeholders', () => {
    expect(Object.keys(templatesIt.reasons.sentences).sort()).toEqual([...REASON_CODES].sort());
    for (const [code, sentence] of Object.entries(templatesIt.reasons.sentences)) {
      expect(placeholdersOf(sentence).filter((p) => !['campo', 'valoreModulo', 'valoreDocumento', 'codice'].includes(p)), code).toEqual([]);
      expect(sentence, code).toMatch(/\.$/);
    }
  });

  it('writes every stable code, as the identity check produces it, with no placeholder left and no warning', () => {
    for (const code of REASON_CODES) {
      const reason = makeReason({ code, field: 'birthDate', formValue: '1985-04-12', documentValue: '1985-12-04', expectedCheckLetter: 'X', part: 'sex', side: 'back' });
      const written = writeReason(reason, templatesIt.reasons);
      expect(written.warning, code).toBeNull();
      expect([written.item.text, ...written.item.details].join(' '), code).not.toMatch(PLACEHOLDER_LEFT);
    }
  });

  it('shows ISO dates of the check as dd/mm/yyyy and only the values that exist', () => {
    const expired = writeReason(makeReason({ code: 'DOCUMENT_EXPIRED', field: 'expiryDate', documentValue: '2025-10-10' }), templatesIt.reasons);
    expect(expired.item.details).toEqual(['Nel documento di identità: «10/10/2025».']);
    const empty = writeReason(makeReason({ code: 'REQUIRED_FIELD_EMPTY', field: 'surname', documentValue: 'ROSSI' }), templatesIt.reasons);
    expect(empty.item.text).toBe('Nel modulo manca un dato obbligatorio (cognome).');
    const chosen = writeReason({ code: 'REQUIRED_FIELD_EMPTY', field: null, formValue: null, documentValue: null, message: '' }, templatesIt.reasons);
    expect(chosen.item).toEqual({ text: "Nel modulo manca un dato obbligatorio (vedere le note dell'operatore).", details: [] });
  });
});
