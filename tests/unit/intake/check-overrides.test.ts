import { describe, expect, it } from 'vitest';
import { applyOverrides, isJustified, isOverridable, type CheckOverride } from '../../../shared/intake/check-overrides';
import type { CheckReason } from '../../../shared/identity/types';

const reason = (code: string, field: CheckReason['field']): CheckReason => ({ code, field, formValue: 'A', documentValue: 'B', message: 'x' });
const override = (code: string, field: CheckReason['field']): CheckOverride => ({ code, field, justification: 'Stessa persona: nome composto stampato diversamente', clerkId: 'c1', at: 1 });

describe('check overrides', () => {
  it('turns a mismatch into a match only when every mismatch was justified', () => {
    const check = { outcome: 'mismatch' as const, reasons: [reason('SURNAME_MISMATCH', 'surname'), reason('BIRTH_DATE_MISMATCH', 'birthDate')] };
    expect(applyOverrides(check, [override('SURNAME_MISMATCH', 'surname')])).toEqual({ outcome: 'mismatch', reasons: [check.reasons[1]] });
    expect(applyOverrides(check, [override('SURNAME_MISMATCH', 'surname'), override('BIRTH_DATE_MISMATCH', 'birthDate')])).toEqual({ outcome: 'match', reasons: [] });
  });

  it('never talks away an invalid document or an unread field', () => {
    for (const code of ['DOCUMENT_EXPIRED', 'DOCUMENT_NOT_ACCEPTED_PAPER_ID', 'DOCUMENT_SIDE_MISSING', 'FIELD_UNREADABLE', 'FORM_NOT_SIGNED']) {
      expect(isOverridable(reason(code, 'document'))).toBe(false);
    }
    const invalid = { outcome: 'document-invalid' as const, reasons: [reason('DOCUMENT_EXPIRED', 'expiryDate')] };
    expect(applyOverrides(invalid, [override('DOCUMENT_EXPIRED', 'expiryDate')])).toEqual(invalid);
    const unreadable = { outcome: 'unreadable' as const, reasons: [reason('FIELD_UNREADABLE', 'birthDate')] };
    expect(applyOverrides(unreadable, [override('FIELD_UNREADABLE', 'birthDate')])).toEqual(unreadable);
  });

  it('an override of one field does not cover the same code on another field', () => {
    const check = { outcome: 'mismatch' as const, reasons: [reason('FISCAL_CODE_INCONSISTENT_WITH_PERSON', 'birthDate')] };
    expect(applyOverrides(check, [override('FISCAL_CODE_INCONSISTENT_WITH_PERSON', 'sex')]).outcome).toBe('mismatch');
  });

  it('wants a written justification', () => {
    expect(isJustified('ok')).toBe(false);
    expect(isJustified('   sono uguali    ')).toBe(false);
    expect(isJustified('Il documento riporta il secondo nome abbreviato')).toBe(true);
  });
});
