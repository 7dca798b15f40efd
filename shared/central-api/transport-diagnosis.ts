import { z } from 'zod';

/**
 * What the main process finds when it asks the configured central service itself, after the
 * renderer got no readable answer. A browser hides any cross-origin answer without CORS headers
 * (a proxy's or firewall's error page) and never says why a TLS handshake failed; main's own request
 * is not subject to CORS and sees the certificate error.
 */
export const CentralDiagnosis = z.discriminatedUnion('kind', [
  /** No central service URL configured: nothing was asked. */
  z.object({ kind: z.literal('unconfigured') }).strict(),
  /** Something answered over HTTP: the service itself (a well-formed contract answer) or a device in between. */
  z.object({ kind: z.literal('answered'), status: z.number().int().min(100).max(599), byService: z.boolean(), html: z.boolean() }).strict(),
  /** The service's certificate was refused (untrusted issuer, expired, other name); `error` is the network stack's code. */
  z.object({ kind: z.literal('certificate'), error: z.string().max(100) }).strict(),
  /** No answer at all: connection refused or reset, name not resolved, timeout; `error` is the network stack's code. */
  z.object({ kind: z.literal('no-answer'), error: z.string().max(100) }).strict(),
]);
export type CentralDiagnosis = z.infer<typeof CentralDiagnosis>;
