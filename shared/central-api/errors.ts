import { z } from 'zod';
import type { Locale } from '../settings/settings';
import { translate } from '../i18n/translate';

/**
 * What a workstation should do after a refusal:
 * - `retry`: transient; retry the same request later (capped backoff with jitter);
 * - `resume-upload`: HEAD the tus upload and continue from its Upload-Offset, then resend the case;
 * - `reupload`: start that attachment's upload again from byte 0 (new tus upload), then resend the case;
 * - `send`: the service does not have the case: (re)send it;
 * - `quarantine`: the case itself is refused; keep it, show the reason, never block the queue;
 * - `enroll`: the workstation's credentials are missing or revoked: enroll again (operator action);
 * - `check-configuration`: wrong service URL or API version;
 * - `operator`: admin routes only.
 */
export const CENTRAL_ERROR_ACTIONS = ['retry', 'resume-upload', 'reupload', 'send', 'quarantine', 'enroll', 'check-configuration', 'operator'] as const;
export type CentralErrorAction = (typeof CENTRAL_ERROR_ACTIONS)[number];

/**
 * Every error the central service answers with: a stable code the client branches on, the HTTP
 * status it comes with, and the next step for a client. The message (Italian in the body; English
 * available to clients) is `central.error.<code>` in shared/i18n/central-*.ts.
 */
export const centralErrors = {
  INVALID_JSON: { status: 400, action: 'quarantine' },
  INVALID_REQUEST: { status: 400, action: 'quarantine' },
  CASE_ID_MISMATCH: { status: 400, action: 'quarantine' },
  UPLOAD_METADATA_INVALID: { status: 400, action: 'quarantine' },
  UPLOAD_PROTOCOL_ERROR: { status: 400, action: 'retry' },
  UNAUTHENTICATED: { status: 401, action: 'enroll' },
  TOKEN_REVOKED: { status: 401, action: 'enroll' },
  FORBIDDEN: { status: 403, action: 'enroll' },
  ENROLLMENT_CODE_INVALID: { status: 403, action: 'enroll' },
  NOT_FOUND: { status: 404, action: 'check-configuration' },
  CASE_NOT_FOUND: { status: 404, action: 'send' },
  OFFICE_NOT_FOUND: { status: 404, action: 'operator' },
  WORKSTATION_NOT_FOUND: { status: 404, action: 'operator' },
  ATTACHMENT_NOT_FOUND: { status: 404, action: 'operator' },
  UPLOAD_NOT_FOUND: { status: 404, action: 'reupload' },
  METHOD_NOT_ALLOWED: { status: 405, action: 'check-configuration' },
  CASE_CONFLICT: { status: 409, action: 'quarantine' },
  OFFICE_CONFLICT: { status: 409, action: 'operator' },
  INVALID_STATUS_TRANSITION: { status: 409, action: 'operator' },
  ATTACHMENT_UPLOAD_MISSING: { status: 409, action: 'reupload' },
  ATTACHMENT_UPLOAD_INCOMPLETE: { status: 409, action: 'resume-upload' },
  ATTACHMENT_UPLOAD_MISMATCH: { status: 409, action: 'reupload' },
  UPLOAD_OFFSET_CONFLICT: { status: 409, action: 'resume-upload' },
  UPLOAD_EXPIRED: { status: 410, action: 'reupload' },
  PAYLOAD_TOO_LARGE: { status: 413, action: 'quarantine' },
  UPLOAD_TOO_LARGE: { status: 413, action: 'quarantine' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, action: 'quarantine' },
  /** Too many requests from one address (enrolment, admin routes): wait `Retry-After` seconds. */
  RATE_LIMITED: { status: 429, action: 'retry' },
  /** The workstation already holds its maximum of unfinished uploads (count or declared bytes). */
  TOO_MANY_OPEN_UPLOADS: { status: 429, action: 'retry' },
  ATTACHMENT_HASH_MISMATCH: { status: 422, action: 'reupload' },
  INTERNAL_ERROR: { status: 500, action: 'retry' },
  SERVICE_UNAVAILABLE: { status: 503, action: 'retry' },
} as const satisfies Record<string, { status: number; action: CentralErrorAction }>;

export type CentralErrorCode = keyof typeof centralErrors;
export const CENTRAL_ERROR_CODES = Object.keys(centralErrors) as [CentralErrorCode, ...CentralErrorCode[]];

export function centralErrorMessage(code: CentralErrorCode, locale: Locale = 'it'): string {
  return translate(locale, `central.error.${code}`);
}

/** One offending field of an invalid request; never echoes the submitted value (it may be personal data). */
export const ErrorDetail = z
  .object({ path: z.string().max(200), issue: z.string().max(300) })
  .strict();

export const ApiErrorBody = z
  .object({
    code: z.enum(CENTRAL_ERROR_CODES),
    message: z.string(),
    details: z.array(ErrorDetail).max(50).optional(),
  })
  .strict();
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
