/** How long a reported certificate error still explains a failure: past this the cause may have changed. */
const REMEMBERED_MS = 10 * 60_000;

export interface CertificateErrors {
  /**
   * Electron's `certificate-error`: remembers Chromium's error for the URL's origin. It never
   * trusts the certificate: the caller lets Chromium refuse it, as without a listener.
   */
  record(url: string, error: string): void;
  /** The error last reported for `origin` within the last ten minutes, or null. */
  lastFor(origin: string): string | null;
}

export function createCertificateErrors(now: () => number = Date.now): CertificateErrors {
  const byOrigin = new Map<string, { error: string; at: number }>();
  return {
    record(url, error) {
      let origin: string;
      try {
        origin = new URL(url).origin;
      } catch {
        return;
      }
      byOrigin.set(origin, { error: error.slice(0, 100), at: now() });
    },
    lastFor(origin) {
      const last = byOrigin.get(origin);
      return last && now() - last.at <= REMEMBERED_MS ? last.error : null;
    },
  };
}
