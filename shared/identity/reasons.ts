/**
 * The stable reason codes of the form-versus-ID check and the Italian sentence for each. Codes are
 * part of the contract with the refusal notice and the central service: add, never rename.
 */
import type { Locale } from '../settings/settings';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-it';
import { isIsoDate, isoToItalianDate } from './dates';
import type { CheckOutcome, CheckReason, CheckReasonField, DocumentSide } from './types';

export const REASON_CODES = [
  'SURNAME_MISMATCH',
  'GIVEN_NAMES_MISMATCH',
  'BIRTH_DATE_MISMATCH',
  'SEX_MISMATCH',
  'BIRTH_PLACE_MISMATCH',
  'FISCAL_CODE_MISMATCH',
  'FISCAL_CODE_INVALID',
  'FISCAL_CODE_CHECK_LETTER',
  'FISCAL_CODE_INCONSISTENT_WITH_PERSON',
  'DOCUMENT_EXPIRED',
  'DOCUMENT_NOT_ACCEPTED_PAPER_ID',
  'DOCUMENT_NOT_IDENTITY',
  'DOCUMENT_SIDE_MISSING',
  'DOCUMENT_UNREADABLE',
  'FIELD_UNREADABLE',
  'FIELD_UNCONFIRMED',
  'FORM_NOT_SIGNED',
  'FORM_MISSING',
  'REQUIRED_FIELD_EMPTY',
  'PROFILE_DATA_MISSING',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}

/** Which outcome a reason forces; the check's outcome is the most severe of its reasons. */
export const REASON_OUTCOME: Record<ReasonCode, Exclude<CheckOutcome, 'match'>> = {
  SURNAME_MISMATCH: 'mismatch',
  GIVEN_NAMES_MISMATCH: 'mismatch',
  BIRTH_DATE_MISMATCH: 'mismatch',
  SEX_MISMATCH: 'mismatch',
  BIRTH_PLACE_MISMATCH: 'mismatch',
  FISCAL_CODE_MISMATCH: 'mismatch',
  FISCAL_CODE_INVALID: 'mismatch',
  FISCAL_CODE_CHECK_LETTER: 'mismatch',
  FISCAL_CODE_INCONSISTENT_WITH_PERSON: 'mismatch',
  DOCUMENT_EXPIRED: 'document-invalid',
  DOCUMENT_NOT_ACCEPTED_PAPER_ID: 'document-invalid',
  DOCUMENT_NOT_IDENTITY: 'document-invalid',
  DOCUMENT_SIDE_MISSING: 'document-invalid',
  DOCUMENT_UNREADABLE: 'unreadable',
  FIELD_UNREADABLE: 'unreadable',
  // Read, but nothing could refute it, and it differs from the form: the clerk looks before anyone decides.
  FIELD_UNCONFIRMED: 'unreadable',
  // An empty or unsigned form is an incomplete application, not an OCR failure: it is refused.
  FORM_NOT_SIGNED: 'mismatch',
  FORM_MISSING: 'mismatch',
  REQUIRED_FIELD_EMPTY: 'mismatch',
  PROFILE_DATA_MISSING: 'mismatch',
};

const OUTCOME_PRECEDENCE: CheckOutcome[] = ['document-invalid', 'mismatch', 'unreadable', 'match'];

/** document-invalid > mismatch > unreadable > match. */
export function outcomeOf(reasons: readonly Pick<CheckReason, 'code'>[]): CheckOutcome {
  let best: CheckOutcome = 'match';
  for (const reason of reasons) {
    const outcome = isReasonCode(reason.code) ? REASON_OUTCOME[reason.code] : 'mismatch';
    if (OUTCOME_PRECEDENCE.indexOf(outcome) < OUTCOME_PRECEDENCE.indexOf(best)) best = outcome;
  }
  return best;
}

/** The person's data a codice fiscale can disagree with. */
export type FiscalCodePart = 'surname' | 'givenNames' | 'birthDate' | 'sex' | 'birthPlace';

export interface ReasonInput {
  code: ReasonCode;
  field: CheckReasonField;
  formValue?: string | null;
  documentValue?: string | null;
  /** FISCAL_CODE_CHECK_LETTER: the letter the code calls for. */
  expectedCheckLetter?: string;
  /** FISCAL_CODE_INCONSISTENT_WITH_PERSON: which part disagrees. */
  part?: FiscalCodePart;
  /** DOCUMENT_SIDE_MISSING */
  side?: DocumentSide;
}

/** Values as the applicant wrote them, except ISO dates, shown dd/mm/yyyy. */
function shown(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return '—';
  return isIsoDate(value) ? isoToItalianDate(value) : value;
}

/** The reason's sentence in a locale; the check always stores the Italian one. */
export function reasonMessage(locale: Locale, input: ReasonInput): string {
  const fieldLabel = (field: CheckReasonField) => translate(locale, `identity.field.${field}` as MessageKey);
  return translate(locale, `identity.reason.${input.code}` as MessageKey, {
    form: shown(input.formValue),
    document: shown(input.documentValue),
    field: fieldLabel(input.field),
    expected: input.expectedCheckLetter ?? '—',
    part: input.part ? fieldLabel(input.part) : '',
    side: input.side ? translate(locale, `identity.side.${input.side}` as MessageKey) : '',
  });
}

/** A complete reason, with both values and its Italian sentence. */
export function makeReason(input: ReasonInput): CheckReason {
  return {
    code: input.code,
    field: input.field,
    formValue: input.formValue ?? null,
    documentValue: input.documentValue ?? null,
    message: reasonMessage('it', input),
  };
}
