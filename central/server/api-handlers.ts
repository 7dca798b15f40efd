import { randomUUID } from 'node:crypto';
import type { CaseSubmission, Receipt } from '../../shared/central-api/cases';
import { CASE_CATEGORY } from '../../shared/central-api/protocol';
import type { CentralRepository, StoredCase } from '../storage/repository';
import { ApiError } from './api-error';
import type { AttachmentArchive } from './attachment-archive';
import { caseFingerprint } from './case-fingerprint';
import type { CentralHandlers } from './route-types';
import { hashSecret, newEnrollmentCode, newSecret } from './tokens';
import type { TusEndpoint } from './tus-endpoint';

export interface HandlerDeps {
  repository: CentralRepository;
  archive: AttachmentArchive;
  uploads: Pick<TusEndpoint, 'findUpload' | 'discard'>;
  clock: () => Date;
}

const romeYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', year: 'numeric' });

function summaryOf(stored: StoredCase) {
  return {
    caseId: stored.caseId,
    officeCode: stored.officeCode,
    workstationId: stored.workstationId,
    protocolNumber: stored.protocolNumber,
    caseNumber: stored.submission.caseNumber,
    priority: stored.priority,
    status: stored.status,
    receivedAt: stored.receivedAt,
    statusChangedAt: stored.statusChangedAt,
  };
}

/**
 * Checks every attachment of a submission against its finished upload and copies it into the
 * archive, hash-verified and fsynced. Throws the refusal of the first attachment that is not ready.
 */
async function archiveAttachments(deps: HandlerDeps, submission: CaseSubmission, officeCode: string): Promise<void> {
  for (const [index, attachment] of submission.attachments.entries()) {
    const details = [{ path: `attachments.${index}`, issue: attachment.attachmentId }];
    const found = await deps.uploads.findUpload(attachment.uploadId, officeCode);
    if (!found) throw new ApiError('ATTACHMENT_UPLOAD_MISSING', details);
    const { upload, file } = found;
    const metadata = upload.metadata ?? {};
    if (metadata.caseId !== submission.caseId || metadata.attachmentId !== attachment.attachmentId || metadata.sha256 !== attachment.sha256 || upload.size !== attachment.size) {
      throw new ApiError('ATTACHMENT_UPLOAD_MISMATCH', details);
    }
    if (upload.offset < attachment.size) throw new ApiError('ATTACHMENT_UPLOAD_INCOMPLETE', details);
    const outcome = await deps.archive.importVerified(file, submission.caseId, attachment.attachmentId, attachment.sha256);
    if (outcome === 'hash-mismatch') {
      await deps.uploads.discard(attachment.uploadId);
      throw new ApiError('ATTACHMENT_HASH_MISMATCH', details);
    }
  }
  await deps.archive.seal(submission.caseId);
}

export function createApiHandlers(deps: HandlerDeps): CentralHandlers {
  const { repository, clock } = deps;
  const now = () => clock().toISOString();

  const findOwnCase = async (caseId: string, officeCode: string) => {
    const stored = await repository.findCase(caseId);
    // Another office's case is answered exactly like a missing one: its existence is not disclosed.
    if (!stored || stored.officeCode !== officeCode) throw new ApiError('CASE_NOT_FOUND');
    return stored;
  };
  const findAnyCase = async (caseId: string) => {
    const stored = await repository.findCase(caseId);
    if (!stored) throw new ApiError('CASE_NOT_FOUND');
    return stored;
  };

  return {
    async enroll({ body }) {
      const token = newSecret();
      const workstation = await repository.redeemEnrollmentCode({
        officeCode: body.officeCode,
        codeHash: hashSecret(body.enrollmentCode.toUpperCase()),
        workstationId: randomUUID(),
        workstationName: body.workstationName,
        tokenHash: hashSecret(token),
        now: now(),
      });
      if (!workstation) throw new ApiError('ENROLLMENT_CODE_INVALID');
      return {
        status: 201,
        body: {
          workstationId: workstation.workstationId,
          officeCode: workstation.officeCode,
          workstationName: workstation.workstationName,
          token,
          enrolledAt: workstation.enrolledAt,
        },
      };
    },

    async whoAmI({ principal }) {
      return {
        status: 200,
        body: {
          workstationId: principal.workstationId,
          officeCode: principal.officeCode,
          officeName: principal.officeName,
          workstationName: principal.workstationName,
          enrolledAt: principal.enrolledAt,
          serverTime: now(),
        },
      };
    },

    async putCase({ params, body, principal }) {
      if (body.caseId !== params.caseId) throw new ApiError('CASE_ID_MISMATCH');
      const fingerprint = caseFingerprint(body);
      const discardUploads = () => {
        // The archive holds the bytes now; the uploads are only staging. Failure to delete is harmless.
        void Promise.all(body.attachments.map((a) => deps.uploads.discard(a.uploadId)));
      };
      const existing = await repository.findCase(body.caseId);
      if (existing) {
        if (existing.fingerprint !== fingerprint || existing.officeCode !== principal.officeCode) throw new ApiError('CASE_CONFLICT');
        discardUploads();
        return { status: 200, body: existing.receipt };
      }
      await archiveAttachments(deps, body, principal.officeCode);
      const receivedAt = clock();
      const buildReceipt = (protocolNumber: string): Receipt => ({
        caseId: body.caseId,
        protocolNumber,
        receivedAt: receivedAt.toISOString(),
        officeCode: principal.officeCode,
        category: CASE_CATEGORY,
        attachments: body.attachments.map(({ attachmentId, size, sha256 }) => ({ attachmentId, size, sha256 })),
      });
      const outcome = await repository.commitCase(
        {
          caseId: body.caseId,
          officeCode: principal.officeCode,
          workstationId: principal.workstationId,
          fingerprint,
          priority: body.priority,
          submission: body,
          receivedAt: receivedAt.toISOString(),
          protocolYear: Number(romeYear.format(receivedAt)),
        },
        buildReceipt,
      );
      if (outcome.kind === 'conflict') throw new ApiError('CASE_CONFLICT');
      discardUploads();
      return { status: outcome.kind === 'created' ? 201 : 200, body: outcome.stored.receipt };
    },

    async getCase({ params, principal }) {
      const stored = await findOwnCase(params.caseId, principal.officeCode);
      return {
        status: 200,
        body: { receipt: stored.receipt, status: stored.status, reasons: stored.reasons, statusChangedAt: stored.statusChangedAt },
      };
    },

    async listChanges({ query, principal }) {
      const after = Number(query.cursor ?? 0);
      const rows = await repository.listChanges(principal.officeCode, after, query.limit + 1);
      const page = rows.slice(0, query.limit);
      return {
        status: 200,
        body: {
          changes: page.map((row) => row.change),
          nextCursor: String(page.at(-1)?.seq ?? after),
          hasMore: rows.length > query.limit,
        },
      };
    },

    async adminPutOffice({ params, body }) {
      const result = await repository.putOffice({ officeCode: params.officeCode, name: body.name, now: now() });
      if (result.kind === 'conflict') throw new ApiError('OFFICE_CONFLICT');
      return { status: result.kind === 'created' ? 201 : 200, body: result.office };
    },

    async adminIssueEnrollmentCode({ params, body }) {
      if (!(await repository.getOffice(params.officeCode))) throw new ApiError('OFFICE_NOT_FOUND');
      const enrollmentCode = newEnrollmentCode();
      const issuedAt = clock();
      const expiresAt = new Date(issuedAt.getTime() + body.validForHours * 3_600_000).toISOString();
      await repository.addEnrollmentCode({ codeHash: hashSecret(enrollmentCode), officeCode: params.officeCode, expiresAt, now: issuedAt.toISOString() });
      return { status: 201, body: { officeCode: params.officeCode, enrollmentCode, expiresAt } };
    },

    async adminListWorkstations({ query }) {
      return { status: 200, body: { workstations: await repository.listWorkstations(query.officeCode) } };
    },

    async adminRevokeWorkstation({ params }) {
      const workstation = await repository.revokeWorkstation(params.workstationId, now());
      if (!workstation) throw new ApiError('WORKSTATION_NOT_FOUND');
      return { status: 200, body: workstation };
    },

    async adminListCases({ query }) {
      const cases = await repository.listCases({
        officeCode: query.officeCode,
        status: query.status,
        caseNumber: query.caseNumber,
        afterOrder: query.cursor === undefined ? undefined : Number(query.cursor),
        limit: query.limit,
      });
      const last = cases.at(-1);
      return {
        status: 200,
        body: { cases: cases.map(summaryOf), nextCursor: cases.length === query.limit && last ? String(last.receivedOrder) : null },
      };
    },

    async adminGetCase({ params }) {
      const stored = await findAnyCase(params.caseId);
      return {
        status: 200,
        body: { summary: summaryOf(stored), submission: stored.submission, receipt: stored.receipt, history: await repository.caseHistory(stored.caseId) },
      };
    },

    async adminSetCaseStatus({ params, body }) {
      const outcome = await repository.setCaseStatus({ caseId: params.caseId, status: body.status, reasons: body.reasons, now: now() });
      if (outcome.kind === 'not-found') throw new ApiError('CASE_NOT_FOUND');
      if (outcome.kind === 'invalid-transition') throw new ApiError('INVALID_STATUS_TRANSITION');
      return { status: 200, body: outcome.change };
    },

    async adminGetAttachment({ params }) {
      const stored = await findAnyCase(params.caseId);
      const attachment = stored.submission.attachments.find((a) => a.attachmentId === params.attachmentId);
      if (!attachment) throw new ApiError('ATTACHMENT_NOT_FOUND');
      return {
        status: 200,
        file: deps.archive.pathOf(stored.caseId, attachment.attachmentId),
        mediaType: attachment.mediaType,
        size: attachment.size,
      };
    },
  };
}
