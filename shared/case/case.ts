import { z } from 'zod';
import { FormValues } from './form-fields';

/** Generated on the workstation and sent with every request: the central service dedupes on it. */
export const CaseId = z.uuid();
export type CaseId = z.infer<typeof CaseId>;

/**
 * Human case number printed on the receipt: office, the workstation's code when the office has more
 * than one, day, and that workstation's sequence (e.g. RM01-20261123-0007, RM01-P2-20261123-0007).
 */
export const CASE_NUMBER_PATTERN = /^[A-Z0-9]{2,12}(?:-[A-Z0-9]{1,3})?-\d{8}-\d{4,}$/;
export const CaseNumber = z.string().regex(CASE_NUMBER_PATTERN);
export type CaseNumber = z.infer<typeof CaseNumber>;

export const Profile = z.enum(['MEDICO_ESTERNO', 'MEDICO_OSPEDALIERO', 'REFERENTE_STRUTTURA']);
export type Profile = z.infer<typeof Profile>;

/**
 * Lifecycle of a case as the list shows it. `refused` is the central service's refusal after its
 * review (change feed); a refusal decided at the counter is a `decision` and still travels through
 * queued → sending → sent → acknowledged. `needs-attention` is a case the outbox quarantined.
 */
export const CaseState = z.enum(['draft', 'ready', 'queued', 'sending', 'sent', 'acknowledged', 'refused', 'needs-attention']);
export type CaseState = z.infer<typeof CaseState>;

/** What a captured page is: the clerk assigns each scan, photo or PDF page one of these. */
export const ScanRole = z.enum(['modulo', 'documento-fronte', 'documento-retro']);
export type ScanRole = z.infer<typeof ScanRole>;

/** Every document kept with a case: the scans, plus the refusal notice the office issued (a PDF it generated). */
export const AttachmentRole = z.enum([...ScanRole.options, 'avviso-rifiuto']);
export type AttachmentRole = z.infer<typeof AttachmentRole>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const AttachmentMeta = z
  .object({
    id: z.uuid(),
    caseId: CaseId,
    role: AttachmentRole,
    mimeType: z.enum(['image/jpeg', 'image/png', 'image/tiff', 'application/pdf']),
    size: z.number().int().nonnegative(),
    /** Of the plaintext bytes: what the central service verifies. */
    sha256: Sha256Hex,
    /** 1-based page of a multi-page source (PDF), 1 for single images. */
    page: z.number().int().positive(),
    createdAt: z.number(),
    /** Set when retention removed the image bytes; the metadata stays for the case file. */
    purgedAt: z.number().nullable(),
  })
  .strict();
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

/** A captured page (form, ID side), as opposed to a document the office generated. */
export function isScan(attachment: AttachmentMeta): attachment is AttachmentMeta & { role: ScanRole } {
  return (ScanRole.options as readonly string[]).includes(attachment.role);
}

/** The distinct scan roles among a case's attachments (the refusal notice is not a scan). */
export function scanRolesOf(attachments: readonly AttachmentMeta[]): ScanRole[] {
  const roles = new Set(attachments.map((a) => a.role));
  return ScanRole.options.filter((role) => roles.has(role));
}

export const DecisionOutcome = z.enum(['accept', 'refuse']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const Decision = z
  .object({
    outcome: DecisionOutcome,
    /** Stable reason codes of the identity check (shared/identity); empty when accepted. */
    reasonCodes: z.array(z.string().min(1).max(64)).max(50),
    freeText: z.string().max(2000),
    clerkId: z.string().min(1),
    decidedAt: z.number(),
  })
  .strict()
  .refine((d) => d.outcome === 'accept' || d.reasonCodes.length > 0 || d.freeText.trim() !== '', {
    message: 'a refusal states at least one reason',
  });
export type Decision = z.infer<typeof Decision>;

export const CaseRecord = z
  .object({
    id: CaseId,
    number: CaseNumber,
    profile: Profile.nullable(),
    urgent: z.boolean(),
    urgentReason: z.string().max(500),
    form: FormValues,
    state: CaseState,
    decision: Decision.nullable(),
    createdBy: z.string().min(1),
    createdAt: z.number(),
    updatedAt: z.number(),
    acknowledgedAt: z.number().nullable(),
  })
  .strict();
export type CaseRecord = z.infer<typeof CaseRecord>;

/** What the case list needs for one row; personal fields are decrypted for the visible page only. */
export interface CaseSummary {
  id: CaseId;
  number: CaseNumber;
  state: CaseState;
  urgent: boolean;
  profile: Profile | null;
  outcome: DecisionOutcome | null;
  createdAt: number;
  updatedAt: number;
  /** "COGNOME Nome" as typed so far, or null when the record failed its integrity check. */
  displayName: string | null;
  integrity: 'ok' | 'damaged';
}
