import type { z } from 'zod';
import { CaseStatusView, Receipt, type CaseSubmission } from '../../shared/central-api/cases';
import { ChangeFeedPage } from '../../shared/central-api/changes';
import { EnrollmentResponse, WorkstationIdentity, type EnrollmentRequest } from '../../shared/central-api/enrollment';
import { ApiErrorBody } from '../../shared/central-api/errors';
import { classifyCentralFailure, explainMissingAnswer, type CentralFailure } from '../../shared/central-api/failure-classification';
import type { CentralDiagnosis } from '../../shared/central-api/transport-diagnosis';
import { API_BASE_PATH, SERVER_TIME_HEADER } from '../../shared/central-api/protocol';
import { measureClockSkew } from './clock-skew';

/** A refusal as classified, plus the offending fields the service named (paths and issues, never values). */
export type CentralRefusal = CentralFailure & { details: string[] };

export type CentralAnswer<T> = { ok: true; status: number; body: T } | { ok: false; failure: CentralRefusal };

function refusal(response: { status: number; body: string } | null): CentralRefusal {
  const failure = classifyCentralFailure(response);
  let details: string[] = [];
  if (response && failure.code !== null) {
    const parsed = ApiErrorBody.safeParse(JSON.parse(response.body));
    if (parsed.success) details = (parsed.data.details ?? []).map((d) => `${d.path}: ${d.issue}`);
  }
  return { ...failure, details };
}

/** The main process's look at the service address (`central:diagnose`), where the runtime has one. */
export type DiagnoseCentral = () => Promise<CentralDiagnosis>;

/**
 * No readable answer reached the renderer: asks main who answers at the service address, so the
 * message tells a service that is down from a proxy page or a refused certificate.
 */
export async function missingAnswer(diagnose: DiagnoseCentral | undefined): Promise<CentralFailure> {
  return explainMissingAnswer(diagnose ? await diagnose().catch(() => null) : null);
}

export interface CentralClientOptions {
  /** The configured service URL (settings `centralServiceUrl`), without the API path. */
  baseUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  clock?: () => number;
  timeoutMs?: number;
  /** Called with the estimated server-minus-workstation clock difference of every answer that carries one. */
  onClockSkew?: (skewMs: number) => void;
  diagnose?: DiagnoseCentral;
}

/** The workstation side of the JSON routes in shared/central-api/routes.ts. */
export interface CentralClient {
  whoAmI(): Promise<CentralAnswer<WorkstationIdentity>>;
  enroll(request: EnrollmentRequest): Promise<CentralAnswer<EnrollmentResponse>>;
  putCase(submission: CaseSubmission): Promise<CentralAnswer<Receipt>>;
  getCase(caseId: string): Promise<CentralAnswer<CaseStatusView>>;
  listChanges(cursor: string | null): Promise<CentralAnswer<ChangeFeedPage>>;
}

/** An absolute path of the protocol (e.g. UPLOADS_PATH) under the configured service URL. */
export function serviceUrl(baseUrl: string, absolutePath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${absolutePath}`;
}

export function apiUrl(baseUrl: string, path: string): string {
  return serviceUrl(baseUrl, `${API_BASE_PATH}${path}`);
}

/**
 * Every answer is judged by the shared classifier unless it is the expected success with a body
 * that passes the contract's schema: an HTML page or garbage under a 200 is never taken as a receipt.
 */
export function createCentralClient(options: CentralClientOptions): CentralClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const clock = options.clock ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function exchange<T>(method: string, path: string, schema: z.ZodType<T>, success: readonly number[], body?: unknown): Promise<CentralAnswer<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const sentAt = clock();
    let response: Response;
    try {
      response = await fetchImpl(apiUrl(options.baseUrl, path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
    } catch {
      return { ok: false, failure: { ...(await missingAnswer(options.diagnose)), details: [] } };
    }
    const skew = measureClockSkew(response.headers.get(SERVER_TIME_HEADER), sentAt, clock());
    if (skew !== null) options.onClockSkew?.(skew);
    // A body cut short by the network rejects here: judged like any unreadable answer.
    const text = await response.text().catch(() => '');
    if (success.includes(response.status)) {
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return { ok: true, status: response.status, body: parsed.data };
      } catch {
        // not JSON: falls through to the classifier
      }
    }
    return { ok: false, failure: refusal({ status: response.status, body: text }) };
  }

  return {
    whoAmI: () => exchange('GET', '/workstation', WorkstationIdentity, [200]),
    enroll: (request) => exchange('POST', '/enrollments', EnrollmentResponse, [201], request),
    putCase: (submission) => exchange('PUT', `/cases/${encodeURIComponent(submission.caseId)}`, Receipt, [200, 201], submission),
    getCase: (caseId) => exchange('GET', `/cases/${encodeURIComponent(caseId)}`, CaseStatusView, [200]),
    listChanges: (cursor) => exchange('GET', `/changes${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, ChangeFeedPage, [200]),
  };
}
