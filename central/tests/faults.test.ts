import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminCaseList } from '../../shared/central-api/admin';
import { Receipt } from '../../shared/central-api/cases';
import { cannedResponses, faultFirst, startFaultProxy, type FaultProxy } from '../../tests/support/fault-proxy';
import { ADMIN_TOKEN, buildSubmission, call, enrollWorkstation, sampleAttachments, sha256, startTestCentral, uploadAttachment, type TestCentral } from './harness';

let central: TestCentral;
let proxy: FaultProxy;
let token: string;

beforeAll(async () => {
  central = await startTestCentral();
  ({ token } = await enrollWorkstation(central.url, 'FR01'));
  proxy = await startFaultProxy({ target: central.url });
});
afterAll(async () => {
  await proxy.close();
  await central.stop();
});
beforeEach(() => {
  proxy.setPlan(null);
  proxy.records.length = 0;
});

const isPatch = (r: { method: string }) => r.method === 'PATCH';
const isCasePut = (r: { method: string; path: string }) => r.method === 'PUT' && r.path.startsWith('/api/v1/cases/');

async function officeCaseIds(): Promise<string[]> {
  const list = AdminCaseList.parse((await call(central.url, 'GET', '/api/v1/admin/cases?officeCode=FR01&limit=500', { token: ADMIN_TOKEN })).body);
  return list.cases.map((c) => c.caseId);
}

describe('through the fault proxy', () => {
  it('resumes a tus upload cut mid-transfer from the server offset, re-sending less than one chunk', async () => {
    const chunkSize = 256 * 1024;
    const [file] = sampleAttachments([1024 * 1024 + 123]);
    // The cut lands inside the second chunk: the first PATCH passes, the second is cut after 100 kB.
    let patches = 0;
    proxy.setPlan((request) => (isPatch(request) && ++patches === 2 ? { kind: 'cut-request', afterBytes: 100_000 } : null));
    const caseId = randomUUID();
    const uploadId = await uploadAttachment(proxy.url, token, caseId, file, { chunkSize, retryDelays: [50, 100, 200, 400] });

    expect(proxy.records.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(proxy.records.some((r) => r.fault === 'cut-request')).toBe(true);
    const resent = proxy.upstreamBodyBytes() - file.bytes.length;
    expect(resent).toBeGreaterThanOrEqual(0);
    expect(resent).toBeLessThan(chunkSize);
    const receipt = await call(proxy.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, [file], [uploadId]) });
    expect(receipt.status).toBe(201);
    const stored = await fetch(`${central.url}/api/v1/admin/cases/${caseId}/attachments/${file.attachmentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(sha256(Buffer.from(await stored.arrayBuffer()))).toBe(sha256(file.bytes));
  });

  it('keeps one case when the acknowledgement is lost after the commit: the resend gets the same receipt', async () => {
    const caseId = randomUUID();
    const files = sampleAttachments([20_000, 10_000]);
    const uploadIds = [];
    for (const file of files) uploadIds.push(await uploadAttachment(proxy.url, token, caseId, file));
    const submission = buildSubmission(caseId, files, uploadIds);
    proxy.setPlan(faultFirst(isCasePut, { kind: 'drop-response' }));
    await expect(call(proxy.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: submission })).rejects.toThrow();
    expect(proxy.records.find((r) => r.fault === 'drop-response')?.status).toBe(201);

    const resend = await call(proxy.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: submission });
    expect(resend.status).toBe(200);
    expect(Receipt.parse(resend.body).caseId).toBe(caseId);
    expect((await officeCaseIds()).filter((id) => id === caseId)).toHaveLength(1);
  });

  it('treats a request delivered twice (retrying middlebox) as one case', async () => {
    const caseId = randomUUID();
    const [file] = sampleAttachments([10_000]);
    const uploadId = await uploadAttachment(proxy.url, token, caseId, file);
    proxy.setPlan(faultFirst(isCasePut, { kind: 'duplicate-request' }));
    const answer = await call<{ protocolNumber: string }>(proxy.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, [file], [uploadId]) });
    expect(answer.status).toBe(200);
    expect((await officeCaseIds()).filter((id) => id === caseId)).toHaveLength(1);
  });

  it('injects the other faults a client must survive: 5xx, HTML, garbage, 413, truncated bodies, delays', async () => {
    const faults = [cannedResponses.internalError, cannedResponses.badGatewayHtml, cannedResponses.unavailable, cannedResponses.tooLargeHtml, cannedResponses.okGarbage];
    for (const fault of faults) {
      proxy.setPlan(() => fault);
      const response = await fetch(`${proxy.url}/api/v1/workstation`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(fault.status);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(fault.body));
    }
    proxy.setPlan(() => ({ kind: 'truncate-response', afterBytes: 10 }));
    await expect(fetch(`${proxy.url}/api/v1/workstation`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.text())).rejects.toThrow();
    proxy.setPlan(() => ({ kind: 'delay', ms: 300 }));
    const started = performance.now();
    expect((await fetch(`${proxy.url}/api/v1/workstation`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
