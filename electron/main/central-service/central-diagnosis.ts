import { ApiErrorBody } from '../../../shared/central-api/errors';
import { API_BASE_PATH } from '../../../shared/central-api/protocol';
import type { CentralDiagnosis } from '../../../shared/central-api/transport-diagnosis';
import { originOf } from '../../../shared/security/csp';

export interface CentralDiagnosisDeps {
  /** The configured central service URL (settings `centralServiceUrl`); never one the renderer names. */
  serviceUrl: () => Promise<string>;
  /** Electron's `net.fetch` (system proxy and certificate store, like the renderer) or Node's fetch in dev web mode. */
  fetch: (url: string, init: { signal: AbortSignal; cache: 'no-store' }) => Promise<Response>;
  /** The certificate error Chromium last reported for this origin (Electron's `certificate-error`), if any. */
  certificateError?: (origin: string) => string | null;
  timeoutMs?: number;
}

/** Codes of a refused certificate: Chromium's `net::ERR_CERT_*` / `ERR_SSL_*`, Node's OpenSSL codes. */
const CERTIFICATE_CODE = /^(ERR_CERT_|ERR_SSL_|ERR_TLS_CERT_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE))/;
/** Codes that say plainly that nothing answered: a certificate error reported earlier does not explain them. */
const NOTHING_ANSWERED = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|TIMEOUT|UND_ERR_CONNECT_TIMEOUT|ERR_CONNECTION_REFUSED|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_ADDRESS_UNREACHABLE|ERR_CONNECTION_TIMED_OUT|ERR_TIMED_OUT)$/;
/** Bytes of an answer worth reading to tell the service's JSON from a device's page. */
const MAX_BODY_CHARS = 16_384;

/**
 * The network stack's code for a request that got no answer: `cause.code` from Node's fetch,
 * `net::ERR_…` in the message of Electron's `net.fetch`, TIMEOUT for the abort signal.
 */
export function transportErrorCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'TIMEOUT';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const raw = typeof cause?.code === 'string' ? cause.code : (/net::(ERR_[A-Z0-9_]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? 'UNKNOWN');
  return raw.replace(/[^A-Z0-9_]/gi, '').slice(0, 100) || 'UNKNOWN';
}

export function isCertificateError(code: string): boolean {
  return CERTIFICATE_CODE.test(code);
}

function isServiceAnswer(body: string): boolean {
  try {
    return ApiErrorBody.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

/**
 * Asks the configured service, from the main process, who answers there: called after the
 * renderer got no readable answer. The request carries no credentials (the service itself answers
 * 401 with its JSON error body, which is enough to recognise it) and nothing from the renderer.
 */
export async function diagnoseCentralService(deps: CentralDiagnosisDeps): Promise<CentralDiagnosis> {
  const baseUrl = await deps.serviceUrl();
  const origin = originOf(baseUrl);
  if (!origin) return { kind: 'unconfigured' };
  let response: Response;
  try {
    response = await deps.fetch(`${baseUrl.replace(/\/+$/, '')}${API_BASE_PATH}/workstation`, { signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000), cache: 'no-store' });
  } catch (error) {
    const code = transportErrorCode(error);
    if (isCertificateError(code)) return { kind: 'certificate', error: code };
    const reported = NOTHING_ANSWERED.test(code) ? null : deps.certificateError?.(origin);
    return reported ? { kind: 'certificate', error: transportErrorCode(new Error(reported)) } : { kind: 'no-answer', error: code };
  }
  const body = (await response.text().catch(() => '')).slice(0, MAX_BODY_CHARS);
  const html = /html/i.test(response.headers.get('content-type') ?? '') || /^\s*<(!doctype|html)/i.test(body);
  return { kind: 'answered', status: response.status, byService: !html && isServiceAnswer(body), html };
}
