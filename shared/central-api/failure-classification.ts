import type { MessageKey } from '../i18n/messages-it';
import { ApiErrorBody, centralErrors, type CentralErrorAction, type CentralErrorCode } from './errors';
import type { CentralDiagnosis } from './transport-diagnosis';

/** What a client makes of a failed exchange with the central service, whoever actually answered. */
export interface CentralFailure {
  /** HTTP status, or 0 when no response arrived (network down, connection cut, TLS refused). */
  status: number;
  /** The service's stable code; null when the answer did not come from the service (proxy page, garbage, truncated). */
  code: CentralErrorCode | null;
  action: CentralErrorAction;
  messageKey: MessageKey;
  /** `error`: the network stack's code, when the main process found one (certificate, no answer). */
  messageParams: { status: number; error?: string };
}

function parseServiceError(body: string): ApiErrorBody | null {
  try {
    const parsed = ApiErrorBody.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Classifies any response that was not the expected success (or no response at all) into a next
 * step and a message for the clerk. Only a well-formed `{ code, message }` body is trusted as the
 * service's word; HTML pages, garbage and truncated bodies are judged by status alone and never lead
 * to deleting or refusing a case outright.
 */
export function classifyCentralFailure(response: { status: number; body: string } | null): CentralFailure {
  if (!response) return { status: 0, code: null, action: 'retry', messageKey: 'central.transport.unreachable', messageParams: { status: 0 } };
  const { status } = response;
  const messageParams = { status };
  const serviceError = parseServiceError(response.body);
  if (serviceError) {
    return { status, code: serviceError.code, action: centralErrors[serviceError.code].action, messageKey: `central.error.${serviceError.code}`, messageParams };
  }
  if (status === 401 || status === 403) return { status, code: null, action: 'enroll', messageKey: 'central.transport.unauthorized', messageParams };
  if (status === 413) return { status, code: null, action: 'quarantine', messageKey: 'central.transport.tooLarge', messageParams };
  if (status >= 500 || status === 408 || status === 425 || status === 429) return { status, code: null, action: 'retry', messageKey: 'central.transport.serverError', messageParams };
  if (status < 400) return { status, code: null, action: 'retry', messageKey: 'central.transport.notService', messageParams };
  return { status, code: null, action: 'check-configuration', messageKey: 'central.transport.unexpected', messageParams };
}

/**
 * The renderer got no readable answer (status 0): the browser cannot tell a service that is down
 * from a proxy page without CORS headers or a refused certificate. The main process's own request
 * (`diagnosis`, null when unavailable) says which, so the clerk and office IT get the right next
 * step. The outbox's behaviour does not change: status stays 0 and the case is retried.
 */
export function explainMissingAnswer(diagnosis: CentralDiagnosis | null): CentralFailure {
  const failure = classifyCentralFailure(null);
  switch (diagnosis?.kind) {
    case 'certificate':
      return { ...failure, messageKey: 'central.transport.certificate', messageParams: { status: 0, error: diagnosis.error } };
    case 'no-answer':
      return { ...failure, messageKey: 'central.transport.noAnswer', messageParams: { status: 0, error: diagnosis.error } };
    case 'answered':
      return { ...failure, messageKey: diagnosis.byService ? 'central.transport.blocked' : 'central.transport.middlebox', messageParams: { status: diagnosis.status } };
    default:
      return failure;
  }
}
