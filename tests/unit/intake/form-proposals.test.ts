import { describe, expect, it } from 'vitest';
import type { FormReading } from '../../../shared/document-reading/form-reading';
import { formProposals, prefilledValues } from '../../../shared/intake/form-proposals';

const at = { page: 1, box: null };
const reading: FormReading = {
  source: 'ocr',
  fields: {
    tipo_profilo: { value: 'MEDICO_OSPEDALIERO', source: 'ocr', confidence: 0.97, ...at },
    cognome: { value: 'BIANCHI', source: 'ocr', confidence: 0.71, ...at, writing: 'handwritten' },
    codice_fiscale: { value: 'BNCNNA69L55L219F', source: 'ocr', confidence: 0.9, ...at, writing: 'typed' },
  },
  identity: { surname: null, givenNames: null, birthDate: null, sex: null, birthPlace: null, birthProvince: null, fiscalCode: 'BNCNNA69L55L219F' },
  signature: { signed: true, inkRatio: 0.02, page: 2, box: { x: 0, y: 0, width: 1, height: 1 } },
  warnings: [],
};

describe('what a form reading gives the wizard', () => {
  it('prefills typed values only; a handwritten one is a suggestion; the ticked profile is proposed', () => {
    expect(prefilledValues(reading)).toEqual({ codice_fiscale: { value: 'BNCNNA69L55L219F', source: 'ocr', confidence: 0.9 } });
    expect(formProposals(reading)).toEqual({
      suggestions: { cognome: { value: 'BIANCHI', confidence: 0.71 } },
      profile: { value: 'MEDICO_OSPEDALIERO', source: 'ocr', confidence: 0.97 },
      profileApplied: false,
      warnings: [],
    });
  });

  it('passes the reading warnings on, and proposes no profile that is not one', () => {
    const unticked = { ...reading, fields: { ...reading.fields, tipo_profilo: { value: 'Off', source: 'ocr' as const, confidence: 0.5, ...at } }, warnings: [{ code: 'profileTickedSeveral', message: '…' }] };
    expect(formProposals(unticked)).toMatchObject({ profile: null, warnings: ['profileTickedSeveral'] });
  });
});
