import { describe, expect, it } from 'vitest';
import { missingRequiredFields, requiredFields, visibleSections } from '../../../shared/intake/required-fields';
import type { FormValues } from '../../../shared/case/form-fields';

const v = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });
const complete: FormValues = Object.fromEntries(
  [
    'cognome', 'nome', 'codice_fiscale', 'sesso', 'data_nascita', 'comune_nascita', 'provincia_nascita', 'cittadinanza',
    'indirizzo_residenza', 'cap_residenza', 'comune_residenza', 'provincia_residenza', 'pec',
    'documento_tipo', 'documento_numero', 'documento_rilasciato_da', 'documento_data_rilascio', 'documento_data_scadenza', 'luogo_data',
  ].map((f) => [f, v('x')]),
);

describe('required fields by profile', () => {
  it('asks doctors for their Ordine registration', () => {
    expect(missingRequiredFields('MEDICO_ESTERNO', complete)).toEqual(['ordine_provincia', 'ordine_numero']);
    expect(missingRequiredFields('MEDICO_ESTERNO', { ...complete, ordine_provincia: v('RM'), ordine_numero: v('12345') })).toEqual([]);
    expect(requiredFields('MEDICO_OSPEDALIERO')).toContain('struttura_denominazione');
  });

  it('asks a hospital representative for the hospital, not an Ordine', () => {
    const missing = missingRequiredFields('REFERENTE_STRUTTURA', complete);
    expect(missing).toEqual(['struttura_denominazione', 'struttura_codice', 'struttura_indirizzo', 'struttura_pec', 'ruolo_struttura']);
    expect(visibleSections('REFERENTE_STRUTTURA').map((s) => s.id)).not.toContain('professional');
    expect(visibleSections('MEDICO_ESTERNO').map((s) => s.id)).not.toContain('hospital');
  });

  it('takes a foreign birth state instead of comune and province', () => {
    const abroad = { ...complete, provincia_nascita: v('EE'), comune_nascita: v(''), ordine_provincia: v('RM'), ordine_numero: v('1') };
    expect(missingRequiredFields('MEDICO_ESTERNO', abroad)).toEqual(['stato_estero_nascita']);
    expect(missingRequiredFields('MEDICO_ESTERNO', { ...abroad, stato_estero_nascita: v('ALBANIA') })).toEqual([]);
  });

  it('needs an e-mail or a PEC so a refusal can reach the applicant', () => {
    const noContact = { ...complete, pec: v(' '), ordine_provincia: v('RM'), ordine_numero: v('1') };
    expect(missingRequiredFields('MEDICO_ESTERNO', noContact)).toEqual(['pec']);
    expect(missingRequiredFields('MEDICO_ESTERNO', { ...noContact, email: v('a@b.it') })).toEqual([]);
  });
});
