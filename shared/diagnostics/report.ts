import { z } from 'zod';
import { CaseState } from '../case/case';
import { Settings } from '../settings/settings';
import { CENTRAL_ERROR_CODES } from '../central-api/errors';

/**
 * What a workstation tells office IT about itself. Personal data is excluded by construction: every
 * object is strict, there is no free-text field an applicant's name could travel in, cases appear only
 * as counts, and a sync failure only as its stable code and message key (never the service's text).
 */
const Count = z.int().nonnegative();

export const OcrAssetStatus = z
  .object({
    path: z.string().regex(/^[a-z0-9/._-]+$/),
    ok: z.boolean(),
    bytes: Count.nullable(),
  })
  .strict();
export type OcrAssetStatus = z.infer<typeof OcrAssetStatus>;

export const SyncFailureSummary = z
  .object({
    messageKey: z.string().regex(/^[a-zA-Z0-9.]+$/),
    code: z.enum(CENTRAL_ERROR_CODES).nullable(),
    at: z.iso.datetime(),
  })
  .strict();

export const DiagnosticsReport = z
  .object({
    format: z.literal('sportello-diagnostica/1'),
    generatedAt: z.iso.datetime(),
    app: z
      .object({
        version: z.string().max(40),
        runtime: z.enum(['electron', 'web']),
        platform: z.string().max(40),
        electronVersion: z.string().max(40).nullable(),
        chromeVersion: z.string().max(40).nullable(),
        userAgent: z.string().max(300),
      })
      .strict(),
    storage: z
      .object({
        persisted: z.boolean().nullable(),
        usageBytes: Count.nullable(),
        quotaBytes: Count.nullable(),
        low: z.boolean(),
        cases: Count,
        casesByState: z.partialRecord(CaseState, Count),
        attachments: Count,
        attachmentsPurged: Count,
      })
      .strict(),
    queue: z
      .object({
        rollUp: z.enum(['error', 'warning', 'pending', 'synced']),
        connection: z.string().regex(/^[a-z-]+$/),
        waiting: Count,
        urgentWaiting: Count,
        quarantined: Count,
        oldestWaitingSince: z.iso.datetime().nullable(),
        clockSkewMs: z.number().nullable(),
        lastFailure: SyncFailureSummary.nullable(),
      })
      .strict(),
    ocr: z
      .object({
        language: z.string().regex(/^[a-z]{3}$/),
        workers: Count,
        assets: z.array(OcrAssetStatus).max(50),
      })
      .strict(),
    settings: Settings.strict(),
  })
  .strict();
export type DiagnosticsReport = z.infer<typeof DiagnosticsReport>;
