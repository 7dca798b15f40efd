/** Outcome of one request against its limit. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

/**
 * A fixed-window counter per key (route class + client address): at most `limit` requests per
 * `windowMs`; past it the request is refused with the seconds until the window ends (`Retry-After`).
 */
export function createRateLimiter(options: { limit: number; windowMs: number; clock: () => number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const now = options.clock();
      if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
      const current = windows.get(key);
      if (!current || now - current.start >= options.windowMs) {
        windows.set(key, { start: now, count: 1 });
        return { allowed: true };
      }
      if (current.count >= options.limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((current.start + options.windowMs - now) / 1000)) };
      current.count += 1;
      return { allowed: true };
    },
  };
}
