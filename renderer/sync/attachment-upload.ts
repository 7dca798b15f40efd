import { DetailedError, Upload, type UrlStorage } from 'tus-js-client';
import type { AttachmentMeta } from '../../shared/case/case';
import { classifyCentralFailure, type CentralFailure } from '../../shared/central-api/failure-classification';
import { SERVER_TIME_HEADER, UPLOADS_PATH } from '../../shared/central-api/protocol';
import { attachmentFileName } from './case-submission';
import { missingAnswer, serviceUrl, type DiagnoseCentral } from './central-client';
import { measureClockSkew } from './clock-skew';

/** 8 MiB: few requests for a large scan, and at most this much is sent again after a cut. */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

export interface AttachmentUploadOptions {
  baseUrl: string;
  token: string;
  caseId: string;
  attachment: AttachmentMeta;
  bytes: Blob;
  urlStorage: UrlStorage;
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
  onClockSkew?: (skewMs: number) => void;
  diagnose?: DiagnoseCentral;
}

export type AttachmentUploadResult = { ok: true; uploadId: string } | { ok: false; failure: CentralFailure };

async function failureOf(error: unknown, diagnose: DiagnoseCentral | undefined): Promise<CentralFailure> {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (!response) return missingAnswer(diagnose);
  const failure = classifyCentralFailure({ status: response.getStatus(), body: response.getBody() ?? '' });
  // An upload the server no longer knows (expired, swept, or answered by a middlebox) can only be
  // started again: never resumed, never a configuration problem.
  if (failure.code === null && (response.getStatus() === 404 || response.getStatus() === 410)) return { ...failure, action: 'reupload' };
  return failure;
}

/**
 * Uploads one attachment with tus, resuming a previous upload of the same attachment when its URL
 * is remembered. The server checks the SHA-256 in the metadata against the bytes it received.
 * Resolves with the upload id the case submission must name, or with a classified failure.
 */
export async function uploadAttachment(options: AttachmentUploadOptions): Promise<AttachmentUploadResult> {
  const { attachment } = options;
  const sentAt = new Map<unknown, number>();
  return new Promise<AttachmentUploadResult>((resolve) => {
    const upload = new Upload(options.bytes, {
      endpoint: serviceUrl(options.baseUrl, UPLOADS_PATH),
      headers: { Authorization: `Bearer ${options.token}` },
      metadata: {
        caseId: options.caseId,
        attachmentId: attachment.id,
        sha256: attachment.sha256,
        filename: attachmentFileName(attachment),
        filetype: attachment.mimeType,
      },
      uploadSize: attachment.size,
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_BYTES,
      // Short in-place retries ride out a blip; longer outages go back to the outbox's backoff.
      retryDelays: [500, 2_000],
      fingerprint: async () => `${options.caseId}/${attachment.id}`,
      urlStorage: options.urlStorage,
      storeFingerprintForResuming: true,
      // Kept until the case is acknowledged: a resend after a lost acknowledgement reuses it.
      removeFingerprintOnSuccess: false,
      onBeforeRequest: (req) => void sentAt.set(req, Date.now()),
      onAfterResponse: (req, res) => {
        const skew = measureClockSkew(res.getHeader(SERVER_TIME_HEADER), sentAt.get(req) ?? Date.now(), Date.now());
        if (skew !== null) options.onClockSkew?.(skew);
      },
      onProgress: options.onProgress ?? null,
      onSuccess: () => resolve({ ok: true, uploadId: new URL(upload.url as string, options.baseUrl).pathname.split('/').pop() as string }),
      onError: (error) => void failureOf(error, options.diagnose).then((failure) => resolve({ ok: false, failure })),
    });
    options.signal?.addEventListener('abort', () => {
      void upload.abort();
      resolve({ ok: false, failure: classifyCentralFailure(null) });
    });
    void upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      })
      .catch((error: unknown) => failureOf(error, options.diagnose).then((failure) => resolve({ ok: false, failure })));
  });
}
