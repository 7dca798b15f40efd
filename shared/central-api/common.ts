import { z } from 'zod';

export const CaseId = z.uuid();
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in esadecimale minuscolo (64 caratteri)');
export const OfficeCode = z.string().regex(/^[A-Z0-9]{2,12}$/, 'codice sede: 2–12 lettere maiuscole o cifre');
export const AttachmentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'identificativo allegato: minuscole, cifre e trattini');
export const UploadId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A reason with a stable code and an Italian sentence fit for the applicant's email/PEC. */
export const StatusReason = z
  .object({
    code: z.string().regex(/^[A-Z0-9_]{1,60}$/),
    message: z.string().min(1).max(1000),
  })
  .strict();
export type StatusReason = z.infer<typeof StatusReason>;
