import { z } from 'zod';
import { CaseNumber } from '../case/case';
import { CaseStatus, CaseSubmission, Receipt } from './cases';
import { CaseId, IsoDateTime, OfficeCode, StatusReason } from './common';

export const OfficeParams = z.object({ officeCode: OfficeCode }).strict();
export const OfficeInput = z.object({ name: z.string().min(1).max(200) }).strict();
export const Office = z.object({ officeCode: OfficeCode, name: z.string(), createdAt: IsoDateTime }).strict();
export type Office = z.infer<typeof Office>;

export const EnrollmentCodeRequest = z
  .object({ validForHours: z.int().min(1).max(720).default(72) })
  .strict();
export const EnrollmentCodeIssued = z
  .object({ officeCode: OfficeCode, enrollmentCode: z.string(), expiresAt: IsoDateTime })
  .strict();

export const WorkstationParams = z.object({ workstationId: z.uuid() }).strict();
export const WorkstationRecord = z
  .object({
    workstationId: z.uuid(),
    officeCode: OfficeCode,
    workstationName: z.string(),
    enrolledAt: IsoDateTime,
    revokedAt: IsoDateTime.nullable(),
  })
  .strict();
export type WorkstationRecord = z.infer<typeof WorkstationRecord>;
export const WorkstationsQuery = z.object({ officeCode: OfficeCode.optional() }).strict();
export const WorkstationList = z.object({ workstations: z.array(WorkstationRecord) }).strict();

export const AdminCasesQuery = z
  .object({
    officeCode: OfficeCode.optional(),
    status: CaseStatus.optional(),
    /** The counter's case number, as printed on the applicant's receipt. */
    caseNumber: CaseNumber.optional(),
    /** Keyset position: the `receivedOrder` of the last case of the previous page. */
    cursor: z.string().regex(/^\d{1,18}$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const AdminCaseSummary = z
  .object({
    caseId: CaseId,
    officeCode: OfficeCode,
    workstationId: z.uuid(),
    protocolNumber: z.string(),
    caseNumber: CaseNumber,
    priority: z.enum(['normal', 'urgent']),
    status: CaseStatus,
    receivedAt: IsoDateTime,
    statusChangedAt: IsoDateTime,
  })
  .strict();
export type AdminCaseSummary = z.infer<typeof AdminCaseSummary>;
export const AdminCaseList = z
  .object({ cases: z.array(AdminCaseSummary), nextCursor: z.string().nullable() })
  .strict();

export const StatusHistoryEntry = z
  .object({ status: CaseStatus, reasons: z.array(StatusReason), changedAt: IsoDateTime })
  .strict();
export const AdminCaseDetail = z
  .object({
    summary: AdminCaseSummary,
    submission: CaseSubmission,
    receipt: Receipt,
    history: z.array(StatusHistoryEntry),
  })
  .strict();
export type AdminCaseDetail = z.infer<typeof AdminCaseDetail>;

export const AttachmentParams = z.object({ caseId: CaseId, attachmentId: z.string().max(40) }).strict();

/** Central review outcome; a refusal must carry its reasons (they reach the applicant). */
export const SetCaseStatusRequest = z
  .object({
    status: z.enum(['in_review', 'approved', 'refused']),
    reasons: z.array(StatusReason).max(50).default([]),
  })
  .strict()
  .refine((request) => request.status !== 'refused' || request.reasons.length > 0, {
    message: 'un rifiuto deve indicare almeno un motivo',
    path: ['reasons'],
  });
