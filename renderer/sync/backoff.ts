/** Retry timing of the outbox: capped exponential backoff with jitter, so many workstations coming back online do not retry in step. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * Delay before attempt number `failures + 1`, after `failures` consecutive failures (≥ 1): the
 * exponential step capped, then scaled by a random factor in [0.5, 1) ("equal jitter": never
 * immediate, never in lockstep).
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(step * (0.5 + random() / 2));
}
