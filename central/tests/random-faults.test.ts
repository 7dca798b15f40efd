import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCaseList } from '../../shared/central-api/admin';
import { Receipt } from '../../shared/central-api/cases';
import { classifyCentralFailure } from '../../shared/central-api/failure-classification';
import { cannedResponses, randomFaultPlan, startFaultProxy, type Fault, type FaultProxy } from '../../tests/support/fault-proxy';
import { ADMIN_TOKEN, buildSubmission, enrollWorkstation, sampleAttachments, sha256, startTestCentral, uploadAttachment, type AttachmentFile, type TestCentral } from './harness';

/**
 * Server side of the fault story: a deliberately simple retrying sender (not the outbox) pushes a
 * batch through random faults; the service must end with every case exactly once, every byte right.
 */
const SEED = Number(process.env.CENTRAL_FAULT_SEED ?? 20261123);
const faults: Fault[] = [
  cannedResponses.internalError,
  cannedResponses.badGatewayHtml,
  cannedResponses.unavailable,
  cannedResponses.okGarbage,
  cannedResponses.okHtml,
  { kind: 'cut-request', afterBytes: 40_000 },
  { kind: 'truncate-response', afterBytes: 5 },
  { kind: 'drop-response' },
  { kind: 'duplicate-request' },
  { kind: 'delay', ms: 30 },
];

let central: TestCentral;
let proxy: FaultProxy;
let token: string;

beforeAll(async () => {
  central = await startTestCentral();
  ({ token } = await enrollWorkstation(central.url, 'RF01'));
  proxy = await startFaultProxy({ target: central.url });
});
afterAll(async () => {
  await proxy.close();
  await central.stop();
});

async function putCase(url: string, caseId: string, body: unknown): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(`${url}/api/v1/cases/${caseId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

async function sendUntilAcknowledged(url: string, caseId: string, files: AttachmentFile[]): Promise<{ receipt: Receipt; attempts: number }> {
  for (let attempt = 1; attempt <= 60; attempt++) {
    try {
      const uploadIds: string[] = [];
      for (const file of files) uploadIds.push(await uploadAttachment(url, token, caseId, file, { chunkSize: 64 * 1024, retryDelays: [0, 10, 20, 40, 80] }));
      const answer = await putCase(url, caseId, buildSubmission(caseId, files, uploadIds));
      if (answer && (answer.status === 200 || answer.status === 201)) {
        const receipt = Receipt.safeParse(JSON.parse(answer.body || 'null'));
        if (receipt.success) return { receipt: receipt.data, attempts: attempt };
      }
      const failure = classifyCentralFailure(answer);
      if (failure.action === 'quarantine' || failure.action === 'enroll') throw new Error(`refused: ${failure.code ?? failure.status}`);
    } catch (error) {
      if (String(error).includes('refused:')) throw error;
    }
  }
  throw new Error('never acknowledged');
}

describe('random faults between sender and service', () => {
  it(`ends with every case once and every attachment byte-identical (seed ${SEED})`, async () => {
    const batch = Array.from({ length: 12 }, (_, i) => ({ caseId: randomUUID(), files: sampleAttachments([100_000 + i * 10_000, 60_000, 50_000]) }));
    proxy.setPlan(randomFaultPlan({ seed: SEED, rate: 0.3, faults }));
    const receipts = new Map<string, Receipt>();
    for (const item of batch) receipts.set(item.caseId, (await sendUntilAcknowledged(proxy.url, item.caseId, item.files)).receipt);
    proxy.setPlan(null);

    expect(proxy.records.filter((r) => r.fault !== null).length).toBeGreaterThan(20);
    const list = AdminCaseList.parse(await (await fetch(`${central.url}/api/v1/admin/cases?officeCode=RF01&limit=500`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json());
    expect(list.cases.map((c) => c.caseId).sort()).toEqual(batch.map((b) => b.caseId).sort());
    for (const item of batch) {
      expect(list.cases.find((c) => c.caseId === item.caseId)?.protocolNumber).toBe(receipts.get(item.caseId)?.protocolNumber);
      for (const file of item.files) {
        const stored = await fetch(`${central.url}/api/v1/admin/cases/${item.caseId}/attachments/${file.attachmentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
        expect(sha256(Buffer.from(await stored.arrayBuffer()))).toBe(sha256(file.bytes));
      }
    }
  }, 120_000);
});
