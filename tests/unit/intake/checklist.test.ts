import { describe, expect, it } from 'vitest';
import { blockingItems, buildChecklist, refusalReasonCodes } from '../../../shared/intake/checklist';
import type { FormValues } from '../../../shared/case/form-fields';

const v = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });
const complete: FormValues = Object.fromEntries(
  ['cognome', 'nome', 'codice_fiscale', 'sesso', 'data_nascita', 'comune_nascita', 'provincia_nascita', 'cittadinanza', 'indirizzo_residenza', 'cap_residenza', 'comune_residenza', 'provincia_residenza', 'pec', 'documento_tipo', 'documento_numero', 'documento_rilasciato_da', 'documento_data_rilascio', 'documento_data_scadenza', 'luogo_data', 'ordine_provincia', 'ordine_numero'].map((f) => [f, v('x')]),
);
const allRoles = ['modulo', 'documento-fronte', 'documento-retro'] as const;
const mismatch = { outcome: 'mismatch' as const, reasons: [{ code: 'SURNAME_MISMATCH', field: 'surname' as const, formValue: 'ROSSI', documentValue: 'ROSSO', message: 'x' }] };

describe('intake checklist', () => {
  it('passes only when every item is proven', () => {
    const checklist = buildChecklist({ profile: 'MEDICO_ESTERNO', form: complete, roles: [...allRoles], formSigned: true, identityCheck: { outcome: 'match', reasons: [] } });
    expect(blockingItems(checklist)).toBe(0);
    expect(refusalReasonCodes(checklist)).toEqual([]);
  });

  it('never counts an unread document or an unread signature as a pass', () => {
    const checklist = buildChecklist({ profile: 'MEDICO_ESTERNO', form: complete, roles: [...allRoles], formSigned: null, identityCheck: null });
    expect(checklist).toMatchObject({ signed: 'unknown', valid: 'unknown', identity: 'unknown' });
    expect(blockingItems(checklist)).toBe(3);
    const unreadable = buildChecklist({ profile: 'MEDICO_ESTERNO', form: complete, roles: [...allRoles], formSigned: true, identityCheck: { outcome: 'unreadable', reasons: [] } });
    expect(unreadable.identity).toBe('unknown');
  });

  it('collects the refusal reasons of every failed item', () => {
    const checklist = buildChecklist({ profile: 'MEDICO_ESTERNO', form: { ...complete, ordine_numero: v('') }, roles: ['modulo', 'documento-fronte'], formSigned: false, identityCheck: mismatch });
    expect(checklist).toMatchObject({ signed: 'problem', sides: 'problem', identity: 'problem', required: 'problem', missingRoles: ['documento-retro'], missingFields: ['ordine_numero'] });
    expect(refusalReasonCodes(checklist)).toEqual(['SURNAME_MISMATCH', 'FORM_NOT_SIGNED', 'DOCUMENT_SIDE_MISSING', 'REQUIRED_FIELD_EMPTY']);
  });

  it('blocks acceptance while the case has no profile (left to the form, not read from it)', () => {
    const checklist = buildChecklist({ profile: null, form: complete, roles: [...allRoles], formSigned: true, identityCheck: { outcome: 'match', reasons: [] } });
    expect(checklist.required).toBe('problem');
    expect(blockingItems(checklist)).toBe(1);
  });

  it('reports an expired or paper document as invalid', () => {
    const checklist = buildChecklist({ profile: 'MEDICO_ESTERNO', form: complete, roles: [...allRoles], formSigned: true, identityCheck: { outcome: 'document-invalid', reasons: [] } });
    expect(checklist.valid).toBe('problem');
  });
});
