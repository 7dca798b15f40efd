import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../shared/case/case';
import {
  effectiveFormSigned,
  formOfPages,
  printedFormState,
  routeSignedForm,
  signedFormStatus,
  type CodedCase,
  type PrefilledFormIssued,
  type SignedFormScan,
} from '../../../shared/intake/signed-form';
import { parseFormCode, encodeFormCode, type FormCode } from '../../../shared/notices/form-code';

const OPEN = '3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f';
const OTHER = '7a0b3c4d-1e2f-4a5b-8c6d-9e0f1a2b3c4d';
const DIGEST = 'a'.repeat(64);
const EDITED = 'b'.repeat(64);

const code = (caseId: string, formDigest = DIGEST, page = 2): FormCode => ({ caseId, formDigest, page });
const coded = (id: string, state: CaseState = 'draft', formDigest = DIGEST): CodedCase => ({ id, number: id === OPEN ? 'RM01-20261127-0001' : 'RM01-20261127-0002', state, formDigest });

describe('where a signed prefilled form goes', () => {
  it('to the open case when its code names it and carries its current data', () => {
    expect(routeSignedForm(code(OPEN), OPEN, coded(OPEN))).toEqual({ kind: 'attach', caseId: OPEN, number: 'RM01-20261127-0001', here: true });
  });

  it('to another local case, saying so, when the code names that one', () => {
    expect(routeSignedForm(code(OTHER), OPEN, coded(OTHER))).toEqual({ kind: 'attach', caseId: OTHER, number: 'RM01-20261127-0002', here: false });
    expect(routeSignedForm(code(OTHER), null, coded(OTHER, 'ready'))).toMatchObject({ kind: 'attach', here: false });
  });

  it('nowhere when no local case has that id (or the lookup answered for another id)', () => {
    expect(routeSignedForm(code(OTHER), OPEN, null)).toEqual({ kind: 'unknown-case' });
    expect(routeSignedForm(code(OTHER), OPEN, coded(OPEN))).toEqual({ kind: 'unknown-case' });
  });

  it.each<CaseState>(['queued', 'sending', 'sent', 'acknowledged', 'refused', 'needs-attention'])('nowhere when the case is already %s', (state) => {
    expect(routeSignedForm(code(OTHER), OPEN, coded(OTHER, state))).toEqual({ kind: 'closed-case', number: 'RM01-20261127-0002' });
  });

  it('nowhere when the printed data are not the case data now, even a closed case says closed first', () => {
    expect(routeSignedForm(code(OPEN), OPEN, coded(OPEN, 'draft', EDITED))).toEqual({ kind: 'stale', number: 'RM01-20261127-0001', here: true });
    expect(routeSignedForm(code(OTHER), OPEN, coded(OTHER, 'sent', EDITED))).toMatchObject({ kind: 'closed-case' });
  });
});

describe('one form per captured file', () => {
  it('no code: an ordinary scan', () => expect(formOfPages([])).toBeNull());

  it('pages of one print run make one form, each page with its signature result', () => {
    const form = formOfPages([
      { code: code(OPEN, DIGEST, 1), signed: null, inkRatio: null },
      { code: code(OPEN, DIGEST, 2), signed: true, inkRatio: 0.03 },
    ]);
    expect(form).toEqual({ code: code(OPEN, DIGEST, 1), pages: [{ page: 1, signed: null, inkRatio: null }, { page: 2, signed: true, inkRatio: 0.03 }] });
  });

  it('pages of two cases or two print runs are never guessed apart', () => {
    expect(formOfPages([{ code: code(OPEN), signed: true, inkRatio: 0.1 }, { code: code(OTHER), signed: true, inkRatio: 0.1 }])).toBe('mixed');
    expect(formOfPages([{ code: code(OPEN), signed: true, inkRatio: 0.1 }, { code: code(OPEN, EDITED), signed: true, inkRatio: 0.1 }])).toBe('mixed');
  });

  it('the code printed on each page reads back with its page', () => {
    expect(parseFormCode(encodeFormCode(code(OPEN, DIGEST, 2)))).toEqual(code(OPEN, DIGEST, 2));
  });
});

const scan = (formDigest: string, pages: SignedFormScan['pages'], attachmentId = crypto.randomUUID()): SignedFormScan => ({ kind: 'signed-form-scan', attachmentId, formDigest, pages });
const signaturePage = (signed: boolean) => ({ page: 2, signed, inkRatio: signed ? 0.02 : 0 });
const firstPage = { page: 1, signed: null, inkRatio: null };

describe('what the captured prefilled pages prove', () => {
  it('nothing when no prefilled page was captured: the OCR of the form decides', () => {
    const status = signedFormStatus([], DIGEST);
    expect(status).toEqual({ recognised: false, signed: null, stale: false });
    expect(effectiveFormSigned(status, true)).toBe(true);
    expect(effectiveFormSigned(status, null)).toBeNull();
  });

  it('a signed signature page with the current data: signed', () => {
    const status = signedFormStatus([scan(DIGEST, [firstPage, signaturePage(true)])], DIGEST);
    expect(status).toEqual({ recognised: true, signed: true, stale: false });
    expect(effectiveFormSigned(status, null)).toBe(true);
  });

  it('an empty signature box: not signed, whatever an OCR reading said', () => {
    const status = signedFormStatus([scan(DIGEST, [signaturePage(false)])], DIGEST);
    expect(effectiveFormSigned(status, true)).toBe(false);
  });

  it('only the first page captured: the signature is still to be seen', () => {
    expect(signedFormStatus([scan(DIGEST, [firstPage])], DIGEST)).toEqual({ recognised: true, signed: null, stale: false });
  });

  it('data edited after the signed page was attached: stale, counted as not signed', () => {
    const status = signedFormStatus([scan(DIGEST, [signaturePage(true)])], EDITED);
    expect(status).toEqual({ recognised: true, signed: null, stale: true });
    expect(effectiveFormSigned(status, true)).toBe(false);
  });

  it('printed again and signed again: the page with the current data decides', () => {
    const scans = [scan(DIGEST, [signaturePage(true)]), scan(EDITED, [signaturePage(false)]), scan(EDITED, [signaturePage(true)])];
    expect(signedFormStatus(scans, EDITED)).toEqual({ recognised: true, signed: true, stale: false });
  });
});

describe('the printed form against the data on screen', () => {
  const issued = (formDigest: string): PrefilledFormIssued => ({ kind: 'prefilled-form-issued', formDigest, at: 1 });
  it('not printed, current, or outdated by the last print', () => {
    expect(printedFormState([], DIGEST)).toBe('not-printed');
    expect(printedFormState([issued(DIGEST)], DIGEST)).toBe('current');
    expect(printedFormState([issued(DIGEST)], EDITED)).toBe('outdated');
    expect(printedFormState([issued(DIGEST), issued(EDITED)], EDITED)).toBe('current');
  });
});
