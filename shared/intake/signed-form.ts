/**
 * Walk-in without a form (issue 5, item 7): the clerk prints the on-screen data as a prefilled form
 * with a code on every page (shared/notices/form-code), the applicant signs, and the signed page
 * comes back through any capture source. These rules decide where such a page goes and what it
 * proves; the renderer only reads the code and stores the result.
 */
import { z } from 'zod';
import type { CaseState } from '../case/case';
import { isEditable } from '../case/state';
import type { FormCode } from '../notices/form-code';

/** What the store knows of the case a code names; null when no local case has that id. */
export interface CodedCase {
  id: string;
  number: string;
  state: CaseState;
  /** `formDigest` of the case's data now. */
  formDigest: string;
}

export type SignedFormRoute =
  /** Attach as the case's signed form; `here` when it is the case open on screen. */
  | { kind: 'attach'; caseId: string; number: string; here: boolean }
  | { kind: 'unknown-case' }
  /** The case was already decided and handed to the outbox (or beyond): nothing may be added. */
  | { kind: 'closed-case'; number: string }
  /** The data printed on the signed page are not the case's data now: the form must be printed again. */
  | { kind: 'stale'; number: string; here: boolean };

export function routeSignedForm(code: FormCode, openCaseId: string | null, target: CodedCase | null): SignedFormRoute {
  if (!target || target.id !== code.caseId) return { kind: 'unknown-case' };
  const here = target.id === openCaseId;
  if (!isEditable(target.state)) return { kind: 'closed-case', number: target.number };
  if (target.formDigest !== code.formDigest) return { kind: 'stale', number: target.number, here };
  return { kind: 'attach', caseId: target.id, number: target.number, here };
}

/** One page of a prefilled form found in a capture, with its signature box checked when it has one. */
export const SignedFormPage = z.object({
  page: z.number().int().positive(),
  /** Null on a page without the signature box. */
  signed: z.boolean().nullable(),
  inkRatio: z.number().nullable(),
});
export type SignedFormPage = z.infer<typeof SignedFormPage>;

/** Stored with the case (as a reading bound to the attachment) when a coded page is attached. */
export const SignedFormScan = z.object({
  kind: z.literal('signed-form-scan'),
  attachmentId: z.string(),
  formDigest: z.string(),
  pages: z.array(SignedFormPage),
});
export type SignedFormScan = z.infer<typeof SignedFormScan>;

/** Stored with the case (and audited) each time the prefilled form is printed. */
export const PrefilledFormIssued = z.object({ kind: z.literal('prefilled-form-issued'), formDigest: z.string(), at: z.number() });
export type PrefilledFormIssued = z.infer<typeof PrefilledFormIssued>;

export interface SignedFormStatus {
  /** Some attachment of the case is a recognised prefilled form: its fields are not OCR'd. */
  recognised: boolean;
  /** The signature box on a signature page carrying the current data; null when no such page was captured. */
  signed: boolean | null;
  /** A signature page was captured, but every one carries data that are no longer the case's. */
  stale: boolean;
}

/**
 * What the captured prefilled pages prove about the case's current data. A signature counts only
 * on a page printed with the data now on screen; any such page signed is enough.
 */
export function signedFormStatus(scans: readonly SignedFormScan[], currentDigest: string): SignedFormStatus {
  const signaturePages = scans.flatMap((scan) => scan.pages.filter((p) => p.signed !== null).map((p) => ({ digest: scan.formDigest, signed: p.signed === true })));
  const current = signaturePages.filter((p) => p.digest === currentDigest);
  return {
    recognised: scans.length > 0,
    signed: current.length > 0 ? current.some((p) => p.signed) : null,
    stale: signaturePages.length > 0 && current.length === 0,
  };
}

export type PrintedFormState = 'not-printed' | 'current' | 'outdated';

/** Whether the last prefilled form printed still carries the data on screen. */
export function printedFormState(issued: readonly PrefilledFormIssued[], currentDigest: string): PrintedFormState {
  const last = issued.at(-1);
  if (!last) return 'not-printed';
  return last.formDigest === currentDigest ? 'current' : 'outdated';
}

/**
 * The codes found on the pages of one captured file, reduced to one form: null when the file has no
 * code of ours, `mixed` when its pages belong to different cases or print runs (never guessed).
 */
export function formOfPages(pages: readonly { code: FormCode; signed: boolean | null; inkRatio: number | null }[]): { code: FormCode; pages: SignedFormPage[] } | 'mixed' | null {
  if (pages.length === 0) return null;
  const first = pages[0].code;
  if (pages.some((p) => p.code.caseId !== first.caseId || p.code.formDigest !== first.formDigest)) return 'mixed';
  return { code: first, pages: pages.map((p) => ({ page: p.code.page, signed: p.signed, inkRatio: p.inkRatio })) };
}

/**
 * The checklist's "form signed": a captured signature page of the prefilled form decides (a stale
 * one counts as not signed: the data on screen were never signed); otherwise the OCR'd form does.
 */
export function effectiveFormSigned(status: SignedFormStatus, readFromForm: boolean | null): boolean | null {
  if (status.stale) return false;
  return status.signed ?? readFromForm;
}
