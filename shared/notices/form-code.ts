import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CaseId, type Profile } from '../case/case';
import { FORM_FIELD_NAMES, type FormValues } from '../case/form-fields';

/**
 * The machine-readable code printed on a prefilled form (issue 5, item 7): the case id, a SHA-256
 * of the data printed and the page number, so the signed page scanned back finds its case, shows
 * whether the printed data are still the case's data, and where its signature box is (every page
 * carries a code, so a scan of any single page is recognised). `SPAB1` versions the payload layout.
 */
const PREFIX = 'SPAB1';
const PAYLOAD = /^SPAB1\|([0-9a-f-]{36})\|([0-9a-f]{64})\|([1-9]\d?)$/;

/** Lower-left corner and side of the code's square, in PDF points (origin bottom-left, as pdf-lib draws). */
export interface FormCodePlacement {
  x: number;
  y: number;
  size: number;
}

/**
 * Where the code is printed on every page: bottom-right, inside the printable area. The reader
 * locates the signature box from where it finds the code, so a scan at any resolution or a photo
 * framed differently still lands on the box.
 */
export function formCodePlacement(page: { width: number; height: number }): FormCodePlacement {
  return { x: page.width - 28 - 62, y: 24, size: 62 };
}

export interface FormCode {
  caseId: string;
  /** Hex SHA-256 of `canonicalFormData`. */
  formDigest: string;
  /** 1-based page of the form the code is printed on. */
  page: number;
}

/**
 * One line per filled field in the fixed field order, values trimmed: source and confidence are not
 * part of what was printed, so they do not change the digest.
 */
export function canonicalFormData(profile: Profile | null, form: FormValues): string {
  const lines = [`tipo_profilo=${profile ?? ''}`];
  for (const name of FORM_FIELD_NAMES) {
    const value = form[name]?.value.trim() ?? '';
    if (value !== '') lines.push(`${name}=${value}`);
  }
  return lines.join('\n');
}

export function formDigest(profile: Profile | null, form: FormValues): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalFormData(profile, form))));
}

export function encodeFormCode(code: FormCode): string {
  return `${PREFIX}|${code.caseId}|${code.formDigest}|${code.page}`;
}

/** Reads a scanned code back; anything that is not exactly our payload is null. */
export function parseFormCode(text: string): FormCode | null {
  const match = PAYLOAD.exec(text.trim());
  if (!match || !CaseId.safeParse(match[1]).success) return null;
  return { caseId: match[1], formDigest: match[2], page: Number(match[3]) };
}
