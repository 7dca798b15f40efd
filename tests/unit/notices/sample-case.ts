import type { CaseRecord } from '../../../shared/case/case';
import type { FormFieldName } from '../../../shared/case/form-fields';
import type { NoticeReason } from '../../../shared/notices/reason-sentences';

const typed = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });

export function sampleForm(values: Partial<Record<FormFieldName, string>>): CaseRecord['form'] {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typed(v)]));
}

/** A refused case whose applicant's name carries the accented letters a notice must print. */
export function refusedCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: '3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f',
    number: 'RM01-20261123-0007',
    profile: 'MEDICO_ESTERNO',
    urgent: false,
    urgentReason: '',
    form: sampleForm({
      cognome: "D'Agostino",
      nome: 'Niccolò',
      codice_fiscale: 'DGSNCL85D12H501X',
      email: 'niccolo.dagostino@example.it',
      pec: 'niccolo.dagostino@pec.example.it',
      documento_tipo: "Carta d'identità elettronica",
      documento_numero: 'CA00000AA',
    }),
    state: 'ready',
    decision: {
      outcome: 'refuse',
      reasonCodes: ['SURNAME_MISMATCH', 'BIRTH_DATE_MISMATCH'],
      freeText: 'Il richiedente dichiara di aver invertito giorno e mese.',
      clerkId: 'clerk-1',
      decidedAt: Date.UTC(2026, 10, 23, 10, 30),
    },
    createdBy: 'clerk-1',
    createdAt: Date.UTC(2026, 10, 23, 10, 0),
    updatedAt: Date.UTC(2026, 10, 23, 10, 30),
    acknowledgedAt: null,
    ...overrides,
  };
}

export const sampleReasons: NoticeReason[] = [
  { code: 'SURNAME_MISMATCH', field: 'surname', formValue: "D'Agostino", documentValue: 'DAGOSTINI', message: 'Il cognome non coincide.' },
  { code: 'BIRTH_DATE_MISMATCH', field: 'birthDate', formValue: '12/04/1985', documentValue: '04/12/1985', message: 'La data di nascita non coincide.' },
];

export const sampleOffice = { officeName: 'Sede di Forlì', officeAddress: 'Via Giorgio Regnoli 2, 47121 Forlì (FC)', officeCode: 'FO01' };

export const NOW = new Date(Date.UTC(2026, 10, 23, 11, 0));
