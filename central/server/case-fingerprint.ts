import { createHash } from 'node:crypto';
import type { CaseSubmission } from '../../shared/central-api/cases';

/** JSON with object keys sorted at every level, so equal content always serialises to equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The identity of a case's content. Upload ids are left out (a resend may point at fresh uploads of
 * the same bytes: the hashes say they are the same) and attachment order does not matter.
 */
export function caseFingerprint(submission: CaseSubmission): string {
  const attachments = submission.attachments
    .map(({ uploadId: _uploadId, ...attachment }) => attachment)
    .sort((a, b) => (a.attachmentId < b.attachmentId ? -1 : 1));
  return createHash('sha256').update(canonicalJson({ ...submission, attachments }), 'utf8').digest('hex');
}
