import type { ReasonCode } from '../identity/reasons';
import type { CheckReason, IdentityCheck } from '../identity/types';

/**
 * A mismatch the clerk has declared a match after looking at both documents (e.g. a name the ID
 * prints in a different but equivalent form). It needs a written justification, is recorded in the
 * audit trail, and only ever covers a personal-data mismatch: an expired or paper ID, a missing side
 * or an unreadable field cannot be talked away.
 */
export interface CheckOverride {
  code: string;
  field: CheckReason['field'];
  justification: string;
  clerkId: string;
  at: number;
}

export const MIN_JUSTIFICATION_LENGTH = 15;

const OVERRIDABLE: ReadonlySet<string> = new Set<ReasonCode>([
  'SURNAME_MISMATCH',
  'GIVEN_NAMES_MISMATCH',
  'BIRTH_DATE_MISMATCH',
  'SEX_MISMATCH',
  'BIRTH_PLACE_MISMATCH',
  'FISCAL_CODE_MISMATCH',
  'FISCAL_CODE_INCONSISTENT_WITH_PERSON',
]);

export function isOverridable(reason: CheckReason): boolean {
  return OVERRIDABLE.has(reason.code);
}

export function isJustified(text: string): boolean {
  return text.trim().length >= MIN_JUSTIFICATION_LENGTH;
}

const covers = (override: CheckOverride, reason: CheckReason) => override.code === reason.code && override.field === reason.field;

/**
 * The check as the decision sees it: overridden mismatches drop out; when no reason is left of a
 * mismatch-only check, it becomes a match. Any other outcome stays what it was.
 */
export function applyOverrides(check: IdentityCheck, overrides: readonly CheckOverride[]): IdentityCheck {
  const reasons = check.reasons.filter((reason) => !(isOverridable(reason) && overrides.some((o) => covers(o, reason))));
  if (check.outcome === 'mismatch' && reasons.length === 0) return { outcome: 'match', reasons };
  return { outcome: check.outcome, reasons };
}
