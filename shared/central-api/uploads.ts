import { z } from 'zod';
import { AttachmentId, CaseId, Sha256Hex } from './common';

/**
 * What a client puts in the tus `Upload-Metadata` header when it creates an upload (tus-js-client's
 * `metadata` option). The server checks it on creation, verifies the finished bytes against
 * `sha256`, and only lets the upload be used by the case and attachment it names.
 */
export const UploadMetadata = z.object({
  caseId: CaseId,
  attachmentId: AttachmentId,
  sha256: Sha256Hex,
  filename: z.string().max(200).optional(),
  filetype: z.string().max(100).optional(),
});
export type UploadMetadata = z.infer<typeof UploadMetadata>;
