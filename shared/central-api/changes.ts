import { z } from 'zod';
import { CaseStatus } from './cases';
import { CaseId, IsoDateTime, StatusReason } from './common';

/** An opaque position in an office's change feed; clients store it and send it back unchanged. */
export const FeedCursor = z.string().regex(/^\d{1,18}$/);

export const ChangesQuery = z
  .object({
    cursor: FeedCursor.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const CaseChange = z
  .object({
    caseId: CaseId,
    protocolNumber: z.string(),
    status: CaseStatus,
    reasons: z.array(StatusReason),
    changedAt: IsoDateTime,
  })
  .strict();
export type CaseChange = z.infer<typeof CaseChange>;

/**
 * One page of the change feed, oldest first. `nextCursor` is always set (the cursor sent back when
 * there is nothing new): pass it on the next pull; `hasMore` says whether to pull again at once.
 */
export const ChangeFeedPage = z
  .object({ changes: z.array(CaseChange), nextCursor: FeedCursor, hasMore: z.boolean() })
  .strict();
export type ChangeFeedPage = z.infer<typeof ChangeFeedPage>;
