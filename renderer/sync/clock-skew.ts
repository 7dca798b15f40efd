/** Beyond this difference the clerk is told: receipts and retention deadlines are dated by the workstation's clock. */
export const SKEW_WARNING_MS = 2 * 60_000;

/**
 * The server clock minus the workstation clock, estimated from a response's server-time header
 * against the middle of the exchange (half the round trip is the best guess of when the server
 * stamped it). Null when the header is missing or unreadable.
 */
export function measureClockSkew(serverTimeHeader: string | null | undefined, sentAt: number, receivedAt: number): number | null {
  if (!serverTimeHeader) return null;
  const serverTime = Date.parse(serverTimeHeader);
  if (Number.isNaN(serverTime)) return null;
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

export function isSkewSignificant(skewMs: number | null): skewMs is number {
  return skewMs !== null && Math.abs(skewMs) >= SKEW_WARNING_MS;
}
