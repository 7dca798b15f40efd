import { z } from 'zod';
import { AttachmentMeta, CaseRecord, type CaseState } from '../../shared/case/case';
import { AuditAction } from '../../shared/case/audit-chain';
import { FormFieldName } from '../../shared/case/form-fields';
import { CENTRAL_ERROR_ACTIONS, CENTRAL_ERROR_CODES } from '../../shared/central-api/errors';
import { messagesIt } from '../../shared/i18n/messages-it';

/**
 * Cases that leave in a bundle: every decided case the central service has not acknowledged.
 * Drafts and ready cases are not decided, so they cannot be sent from anywhere yet; acknowledged
 * and refused cases are already held by the service.
 */
export const BUNDLED_STATES = ['queued', 'sending', 'sent', 'needs-attention'] as const satisfies readonly CaseState[];

/** The kept failure of a quarantined case, so the importing clerk reads the same reason. */
const BundledFailure = z
  .object({
    messageKey: z.string().refine((key) => key in messagesIt),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    action: z.enum(CENTRAL_ERROR_ACTIONS),
    code: z.enum(CENTRAL_ERROR_CODES).nullable(),
    at: z.number(),
  })
  .strict();

/** An audit entry of the exporting workstation, as it was there (its chain key stays there). */
const BundledAuditEntry = z
  .object({
    seq: z.number().int().positive(),
    at: z.number(),
    clerkId: z.string().min(1),
    action: AuditAction,
    caseId: z.string().nullable(),
    fields: z.array(FormFieldName).optional(),
    detail: z.string().max(200).optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .strict();

export const BundledCase = z
  .object({
    record: CaseRecord.refine((record) => (BUNDLED_STATES as readonly string[]).includes(record.state)),
    /** When it was queued and how urgent: the importing outbox keeps the same order. */
    outbox: z.object({ priority: z.union([z.literal(0), z.literal(1)]), queuedAt: z.number(), lastFailure: BundledFailure.nullable() }).strict(),
    /** `frame`: index of the attachment's plaintext bytes among the bundle's frames (the manifest is frame 0). */
    attachments: z.array(z.object({ meta: AttachmentMeta, frame: z.number().int().positive() }).strict()),
    audit: z.array(BundledAuditEntry),
  })
  .strict()
  .refine((bundled) => bundled.attachments.every((a) => a.meta.caseId === bundled.record.id && a.meta.purgedAt === null));
export type BundledCase = z.infer<typeof BundledCase>;

export const BundleManifest = z
  .object({
    format: z.literal('sportello-case-bundle/v1'),
    source: z.object({ officeCode: z.string(), workstationId: z.string().nullable(), workstationName: z.string() }).strict(),
    exportedBy: z.string().min(1),
    exportedAt: z.number(),
    cases: z.array(BundledCase).min(1),
  })
  .strict();
export type BundleManifest = z.infer<typeof BundleManifest>;
