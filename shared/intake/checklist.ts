import type { ScanRole, Profile } from '../case/case';
import type { FormFieldName, FormValues } from '../case/form-fields';
import type { CheckReason, IdentityCheck } from '../identity/types';
import { missingRequiredFields } from './required-fields';

export type ChecklistStatus = 'ok' | 'problem' | 'unknown';

/** What the clerk sees before deciding; `unknown` is never shown as a pass. */
export interface IntakeChecklist {
  signed: ChecklistStatus;
  sides: ChecklistStatus;
  valid: ChecklistStatus;
  identity: ChecklistStatus;
  required: ChecklistStatus;
  missingFields: FormFieldName[];
  missingRoles: ScanRole[];
  identityReasons: CheckReason[];
}

export interface ChecklistInput {
  profile: Profile | null;
  form: FormValues;
  roles: ScanRole[];
  /** From the form reading's signature-box detection; null when the form was not read. */
  formSigned: boolean | null;
  /** The form-versus-ID check (shared/identity); null until the ID was read. */
  identityCheck: IdentityCheck | null;
}

const NEEDED_ROLES: ScanRole[] = ['modulo', 'documento-fronte', 'documento-retro'];

export function buildChecklist(input: ChecklistInput): IntakeChecklist {
  const missingFields = missingRequiredFields(input.profile, input.form);
  const missingRoles = NEEDED_ROLES.filter((role) => !input.roles.includes(role));
  const check = input.identityCheck;
  return {
    signed: input.formSigned === null ? 'unknown' : input.formSigned ? 'ok' : 'problem',
    sides: missingRoles.some((r) => r !== 'modulo') ? 'problem' : 'ok',
    valid: !check ? 'unknown' : check.outcome === 'document-invalid' ? 'problem' : 'ok',
    identity: !check ? 'unknown' : check.outcome === 'match' ? 'ok' : check.outcome === 'mismatch' ? 'problem' : 'unknown',
    // Without a profile (left to the form's ticked box, which could not be read) the required fields are unknown.
    required: missingFields.length === 0 && input.profile !== null ? 'ok' : 'problem',
    missingFields,
    missingRoles,
    identityReasons: check?.reasons ?? [],
  };
}

/** Accepting needs every item proven: a check that could not run is not a pass. */
export function blockingItems(checklist: IntakeChecklist): number {
  return (['signed', 'sides', 'valid', 'identity', 'required'] as const).filter((item) => checklist[item] !== 'ok').length;
}

/** Stable reason codes a refusal carries, as the refusal notice and the central service expect them. */
export function refusalReasonCodes(checklist: IntakeChecklist): string[] {
  const codes = checklist.identityReasons.map((r) => r.code);
  if (checklist.signed === 'problem') codes.push('FORM_NOT_SIGNED');
  if (checklist.missingRoles.some((r) => r !== 'modulo')) codes.push('DOCUMENT_SIDE_MISSING');
  if (checklist.missingRoles.includes('modulo')) codes.push('FORM_MISSING');
  if (checklist.missingFields.length > 0) codes.push('REQUIRED_FIELD_EMPTY');
  return [...new Set(codes)];
}
