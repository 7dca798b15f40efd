import { EnrollmentRequest } from '../../shared/central-api/enrollment';
import type { LocalStore } from '../store/local-store';
import { createCentralClient, type CentralRefusal, type DiagnoseCentral } from './central-client';
import { saveCredentials, type WorkstationCredentials } from './workstation-credentials';

export type EnrollmentOutcome = { ok: true; credentials: WorkstationCredentials } | { ok: false; invalid: true } | { ok: false; invalid: false; failure: CentralRefusal };

/**
 * Enrolls this workstation with an office code and a one-time activation code, and keeps the token
 * sealed in the local store. Re-enrolling (after a revocation) replaces the previous token.
 */
export async function enrollWorkstation(
  store: Pick<LocalStore, 'db' | 'cipher'>,
  serviceUrl: string,
  input: EnrollmentRequest,
  transport: { fetch?: typeof fetch; diagnose?: DiagnoseCentral } = {},
): Promise<EnrollmentOutcome> {
  const request = EnrollmentRequest.safeParse({ ...input, officeCode: input.officeCode.trim().toUpperCase(), enrollmentCode: input.enrollmentCode.trim() });
  if (!request.success) return { ok: false, invalid: true };
  const answer = await createCentralClient({ baseUrl: serviceUrl, token: null, ...transport }).enroll(request.data);
  if (!answer.ok) return { ok: false, invalid: false, failure: answer.failure };
  const credentials: WorkstationCredentials = {
    token: answer.body.token,
    workstationId: answer.body.workstationId,
    officeCode: answer.body.officeCode,
    workstationName: answer.body.workstationName,
    enrolledAt: answer.body.enrolledAt,
    serviceUrl,
  };
  await saveCredentials(store, credentials);
  return { ok: true, credentials };
}
