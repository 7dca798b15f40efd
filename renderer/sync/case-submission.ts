import type { AttachmentMeta, CaseRecord } from '../../shared/case/case';
import { CaseSubmission, type SubmittedAttachment } from '../../shared/central-api/cases';
import { CASE_CATEGORY } from '../../shared/central-api/protocol';

const ROLE: Record<AttachmentMeta['role'], SubmittedAttachment['role']> = {
  modulo: 'form',
  'documento-fronte': 'id-front',
  'documento-retro': 'id-back',
  'avviso-rifiuto': 'refusal-notice',
};

const EXTENSION: Record<AttachmentMeta['mimeType'], string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
};

/** Why a local case cannot be turned into a submission; the outbox quarantines it with this reason. */
export type SubmissionProblem = 'sync.problem.noDecision' | 'sync.problem.noProfile' | 'sync.problem.noAttachments' | 'sync.problem.imagesPurged' | 'sync.problem.invalid';

/** Attachment name sent to the service: role and page, never anything personal. */
export function attachmentFileName(attachment: AttachmentMeta): string {
  return `${attachment.role}-${attachment.page}.${EXTENSION[attachment.mimeType]}`;
}

/** Checks made before any byte is uploaded: a case failing them could never be accepted. */
export function checkSubmittable(record: CaseRecord, attachments: readonly AttachmentMeta[]): SubmissionProblem | null {
  if (!record.decision) return 'sync.problem.noDecision';
  if (!record.profile) return 'sync.problem.noProfile';
  if (attachments.length === 0) return 'sync.problem.noAttachments';
  if (attachments.some((a) => a.purgedAt !== null)) return 'sync.problem.imagesPurged';
  return null;
}

/** A reason code as the contract allows it ([A-Z0-9_], ≤ 60). */
function contractCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9_]/g, '_').slice(0, 60) || 'OTHER';
}

/**
 * The central service's view of a decided local case. Identity fields only depend on the case,
 * so a resend after a lost acknowledgement is byte-for-byte the same submission (apart from the
 * upload ids, which the service does not count as content).
 */
export function buildCaseSubmission(record: CaseRecord, attachments: readonly AttachmentMeta[], uploadIds: readonly string[]): { ok: true; submission: CaseSubmission } | { ok: false; problem: SubmissionProblem } {
  const problem = checkSubmittable(record, attachments);
  if (problem) return { ok: false, problem };
  const decision = record.decision!;
  const freeText = decision.freeText.trim().slice(0, 1000);
  const reasons = decision.reasonCodes.map((code) => ({ code: contractCode(code), message: freeText || code, formValue: null, documentValue: null }));
  if (decision.outcome === 'refuse' && reasons.length === 0) reasons.push({ code: 'OTHER', message: freeText, formValue: null, documentValue: null });
  const formFields = Object.fromEntries(Object.entries(record.form).map(([name, field]) => [name, field.value]));
  const parsed = CaseSubmission.safeParse({
    caseId: record.id,
    caseNumber: record.number,
    category: CASE_CATEGORY,
    priority: record.urgent ? 'urgent' : 'normal',
    profile: record.profile,
    formFields,
    decision: {
      outcome: decision.outcome === 'accept' ? 'accepted' : 'refused',
      reasons,
      decidedAt: new Date(decision.decidedAt).toISOString(),
      clerkId: decision.clerkId,
    },
    clientCreatedAt: new Date(record.createdAt).toISOString(),
    attachments: attachments.map((attachment, index) => ({
      attachmentId: attachment.id,
      role: ROLE[attachment.role],
      fileName: attachmentFileName(attachment),
      mediaType: attachment.mimeType,
      size: attachment.size,
      sha256: attachment.sha256,
      uploadId: uploadIds[index],
    })),
  });
  return parsed.success ? { ok: true, submission: parsed.data } : { ok: false, problem: 'sync.problem.invalid' };
}
