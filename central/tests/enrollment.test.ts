import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkstationList } from '../../shared/central-api/admin';
import { ChangeFeedPage } from '../../shared/central-api/changes';
import { EnrollmentResponse, WorkstationIdentity } from '../../shared/central-api/enrollment';
import { ADMIN_TOKEN, buildSubmission, call, enrollWorkstation, sampleAttachments, sendCase, startTestCentral, uploadAttachment, type TestCentral } from './harness';

let central: TestCentral;

beforeAll(async () => {
  central = await startTestCentral();
  await call(central.url, 'PUT', '/api/v1/admin/offices/MI02', { token: ADMIN_TOKEN, body: { name: 'Milano Porta Nuova' } });
});
afterAll(async () => central.stop());

async function issueCode(officeCode: string, validForHours?: number): Promise<string> {
  const issued = await call<{ enrollmentCode: string }>(central.url, 'POST', `/api/v1/admin/offices/${officeCode}/enrollment-codes`, {
    token: ADMIN_TOKEN,
    body: validForHours ? { validForHours } : {},
  });
  expect(issued.status).toBe(201);
  return issued.body.enrollmentCode;
}

describe('workstation enrollment', () => {
  it('turns an office code and a one-time code into a token, only once', async () => {
    const enrollmentCode = await issueCode('MI02');
    const first = await call(central.url, 'POST', '/api/v1/enrollments', { body: { officeCode: 'MI02', enrollmentCode, workstationName: 'Sportello 3' } });
    expect(first.status).toBe(201);
    const enrolled = EnrollmentResponse.parse(first.body);
    const identity = WorkstationIdentity.parse((await call(central.url, 'GET', '/api/v1/workstation', { token: enrolled.token })).body);
    expect(identity).toMatchObject({ officeCode: 'MI02', officeName: 'Milano Porta Nuova', workstationName: 'Sportello 3' });

    const reuse = await call(central.url, 'POST', '/api/v1/enrollments', { body: { officeCode: 'MI02', enrollmentCode, workstationName: 'Sportello 4' } });
    expect(reuse.status).toBe(403);
    expect(reuse.body).toMatchObject({ code: 'ENROLLMENT_CODE_INVALID' });
  });

  it('refuses a code used for another office, a wrong code and an expired code', async () => {
    await call(central.url, 'PUT', '/api/v1/admin/offices/NA03', { token: ADMIN_TOKEN, body: { name: 'Napoli' } });
    const codeForNaples = await issueCode('NA03');
    for (const body of [
      { officeCode: 'MI02', enrollmentCode: codeForNaples, workstationName: 'X' },
      { officeCode: 'NA03', enrollmentCode: 'WRONGCODE123', workstationName: 'X' },
    ]) {
      const refused = await call(central.url, 'POST', '/api/v1/enrollments', { body });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'ENROLLMENT_CODE_INVALID' });
    }
    const shortLived = await issueCode('NA03', 1);
    central.advanceClock(2 * 3_600_000);
    const expired = await call(central.url, 'POST', '/api/v1/enrollments', { body: { officeCode: 'NA03', enrollmentCode: shortLived, workstationName: 'X' } });
    central.advanceClock(-2 * 3_600_000);
    expect(expired.status).toBe(403);
    // The Naples code was not burnt by the attempt against Milan.
    expect((await call(central.url, 'POST', '/api/v1/enrollments', { body: { officeCode: 'NA03', enrollmentCode: codeForNaples, workstationName: 'X' } })).status).toBe(201);
  });

  it('revokes a token: every later request, uploads included, gets 401 TOKEN_REVOKED', async () => {
    const { token, workstationId } = await enrollWorkstation(central.url, 'TO04');
    const caseId = randomUUID();
    const files = sampleAttachments([5000]);
    const uploadId = await uploadAttachment(central.url, token, caseId, files[0]);
    const revoked = await call(central.url, 'POST', `/api/v1/admin/workstations/${workstationId}/revoke`, { token: ADMIN_TOKEN });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ workstationId, revokedAt: expect.any(String) });

    for (const [method, route, body] of [
      ['GET', '/api/v1/workstation', undefined],
      ['PUT', `/api/v1/cases/${caseId}`, buildSubmission(caseId, files, [uploadId])],
      ['GET', '/api/v1/changes', undefined],
    ] as const) {
      const answer = await call(central.url, method, route, { token, body });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'TOKEN_REVOKED' });
    }
    const head = await fetch(`${central.url}/api/v1/uploads/${uploadId}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' } });
    expect(head.status).toBe(401);
    const list = WorkstationList.parse((await call(central.url, 'GET', '/api/v1/admin/workstations?officeCode=TO04', { token: ADMIN_TOKEN })).body);
    expect(list.workstations).toHaveLength(1);
    expect(list.workstations[0].revokedAt).not.toBeNull();
  });

  it('authenticates every route: no token 401, unknown token 401, workstation token on admin routes 403', async () => {
    const { token } = await enrollWorkstation(central.url, 'BO05');
    expect((await call(central.url, 'GET', '/api/v1/workstation')).status).toBe(401);
    expect((await call(central.url, 'GET', '/api/v1/workstation', { token: 'x'.repeat(43) })).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await call(central.url, 'GET', '/api/v1/changes')).status).toBe(401);
    expect((await fetch(`${central.url}/api/v1/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' } })).status).toBe(401);
    expect((await call(central.url, 'GET', '/api/v1/admin/cases')).status).toBe(401);
    const forbidden = await call(central.url, 'GET', '/api/v1/admin/cases', { token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('CORS for the renderer', () => {
  it('lets an allowed origin read refusals and the server time, uploads included, and nothing for other origins', async () => {
    for (const route of ['/api/v1/workstation', '/api/v1/uploads']) {
      const allowed = await fetch(`${central.url}${route}`, { method: 'POST', headers: { Origin: 'app://sportello', 'Tus-Resumable': '1.0.0' } });
      expect(allowed.status).toBeGreaterThanOrEqual(400);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('app://sportello');
      expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Server-Time');
      const foreign = await fetch(`${central.url}${route}`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Tus-Resumable': '1.0.0' } });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    }
    const preflight = await fetch(`${central.url}/api/v1/cases/${randomUUID()}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5174', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
  });
});

describe('office isolation', () => {
  it('keeps an office from reading, resuming or reusing what belongs to another office', async () => {
    const rome = await enrollWorkstation(central.url, 'RM10');
    const florence = await enrollWorkstation(central.url, 'FI11');
    const sent = await sendCase(central.url, rome.token);
    expect(sent.response.status).toBe(201);

    const peek = await call(central.url, 'GET', `/api/v1/cases/${sent.caseId}`, { token: florence.token });
    expect(peek.status).toBe(404);
    expect(peek.body).toMatchObject({ code: 'CASE_NOT_FOUND' });
    const feed = ChangeFeedPage.parse((await call(central.url, 'GET', '/api/v1/changes', { token: florence.token })).body);
    expect(feed.changes.map((c) => c.caseId)).not.toContain(sent.caseId);

    // The same case id from another office is a conflict, never a receipt for somebody else's case.
    const stolen = await call(central.url, 'PUT', `/api/v1/cases/${sent.caseId}`, { token: florence.token, body: sent.submission });
    expect(stolen.status).toBe(409);

    // Rome's uploads are invisible to Florence.
    const caseId = randomUUID();
    const files = sampleAttachments([8000]);
    const romeUpload = await uploadAttachment(central.url, rome.token, caseId, files[0]);
    const head = await fetch(`${central.url}/api/v1/uploads/${romeUpload}`, { method: 'HEAD', headers: { Authorization: `Bearer ${florence.token}`, 'Tus-Resumable': '1.0.0' } });
    expect(head.status).toBe(404);
    const reuse = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token: florence.token, body: buildSubmission(caseId, files, [romeUpload]) });
    expect(reuse.status).toBe(409);
    expect(reuse.body).toMatchObject({ code: 'ATTACHMENT_UPLOAD_MISSING' });
  });
});
