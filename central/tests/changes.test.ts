import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCaseList } from '../../shared/central-api/admin';
import { CaseStatusView } from '../../shared/central-api/cases';
import { ChangeFeedPage } from '../../shared/central-api/changes';
import { ADMIN_TOKEN, call, enrollWorkstation, sampleAttachments, sendCase, startTestCentral, type TestCentral } from './harness';

let central: TestCentral;

beforeAll(async () => {
  central = await startTestCentral();
});
afterAll(async () => central.stop());

async function pull(token: string, cursor?: string, limit?: number) {
  const query = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) });
  const answer = await call(central.url, 'GET', `/api/v1/changes?${query}`, { token });
  expect(answer.status).toBe(200);
  return ChangeFeedPage.parse(answer.body);
}

const setStatus = (caseId: string, body: unknown) => call(central.url, 'POST', `/api/v1/admin/cases/${caseId}/status`, { token: ADMIN_TOKEN, body });

describe('change feed', () => {
  it('delivers every status change of the office once, in order, page by page from a cursor', async () => {
    const { token } = await enrollWorkstation(central.url, 'GE01');
    const other = await enrollWorkstation(central.url, 'PA02');
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push((await sendCase(central.url, token, sampleAttachments([2000]))).caseId);
    await sendCase(central.url, other.token, sampleAttachments([2000]));

    const start = await pull(token, undefined, 2);
    expect(start.changes.map((c) => [c.caseId, c.status])).toEqual([
      [cases[0], 'received'],
      [cases[1], 'received'],
    ]);
    expect(start.hasMore).toBe(true);
    const rest = await pull(token, start.nextCursor, 2);
    expect(rest.changes.map((c) => c.caseId)).toEqual([cases[2]]);
    expect(rest.hasMore).toBe(false);
    const idle = await pull(token, rest.nextCursor);
    expect(idle).toEqual({ changes: [], nextCursor: rest.nextCursor, hasMore: false });

    expect((await setStatus(cases[0], { status: 'in_review' })).status).toBe(200);
    const reasons = [{ code: 'CF_MISMATCH', message: 'Il codice fiscale del modulo non corrisponde a quello del documento.' }];
    expect((await setStatus(cases[0], { status: 'refused', reasons })).status).toBe(200);
    expect((await setStatus(cases[1], { status: 'approved' })).status).toBe(200);

    const later = await pull(token, idle.nextCursor);
    expect(later.changes.map((c) => [c.caseId, c.status])).toEqual([
      [cases[0], 'in_review'],
      [cases[0], 'refused'],
      [cases[1], 'approved'],
    ]);
    expect(later.changes[1].reasons).toEqual(reasons);
    const view = CaseStatusView.parse((await call(central.url, 'GET', `/api/v1/cases/${cases[0]}`, { token })).body);
    expect(view).toMatchObject({ status: 'refused', reasons });
    // The other office saw only its own case.
    expect((await pull(other.token)).changes).toHaveLength(1);
  });

  it('refuses a refusal without reasons, a transition out of a final status, and an unknown case', async () => {
    const { token } = await enrollWorkstation(central.url, 'CA03');
    const { caseId } = await sendCase(central.url, token, sampleAttachments([1000]));
    const noReasons = await setStatus(caseId, { status: 'refused' });
    expect(noReasons.status).toBe(400);
    expect(noReasons.body).toMatchObject({ code: 'INVALID_REQUEST', details: [{ path: 'body.reasons' }] });
    expect((await setStatus(caseId, { status: 'approved' })).status).toBe(200);
    const again = await setStatus(caseId, { status: 'in_review' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
    expect((await setStatus('6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', { status: 'approved' })).body).toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('lists cases for operators with filters and a keyset cursor', async () => {
    const { token } = await enrollWorkstation(central.url, 'VE04');
    for (let i = 0; i < 3; i++) await sendCase(central.url, token, sampleAttachments([1000]));
    const first = AdminCaseList.parse((await call(central.url, 'GET', '/api/v1/admin/cases?officeCode=VE04&limit=2', { token: ADMIN_TOKEN })).body);
    expect(first.cases).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = AdminCaseList.parse((await call(central.url, 'GET', `/api/v1/admin/cases?officeCode=VE04&limit=2&cursor=${first.nextCursor}`, { token: ADMIN_TOKEN })).body);
    expect(second.cases).toHaveLength(1);
    expect(new Set([...first.cases, ...second.cases].map((c) => c.protocolNumber)).size).toBe(3);
    const approved = AdminCaseList.parse((await call(central.url, 'GET', '/api/v1/admin/cases?officeCode=VE04&status=approved', { token: ADMIN_TOKEN })).body);
    expect(approved.cases).toEqual([]);
    expect(first.cases[0].caseNumber).toBe('RM01-20261123-0001');
    const byNumber = (n: string) => call(central.url, 'GET', `/api/v1/admin/cases?officeCode=VE04&caseNumber=${n}`, { token: ADMIN_TOKEN });
    expect(AdminCaseList.parse((await byNumber('RM01-20261123-0001')).body).cases).toHaveLength(3);
    expect(AdminCaseList.parse((await byNumber('RM01-20261123-0002')).body).cases).toEqual([]);
    expect((await byNumber('not-a-number')).status).toBe(400);
  });
});
