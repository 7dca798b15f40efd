import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminCaseDetail, AdminCaseList } from '../../shared/central-api/admin';
import { Receipt } from '../../shared/central-api/cases';
import { startChildCentral, freePort, type ChildCentral } from './child-central';
import { ADMIN_TOKEN, buildSubmission, call, enrollWorkstation, makeTempDir, sampleAttachments, sha256, uploadAttachment, type AttachmentFile } from './harness';

let running: ChildCentral | null = null;
afterAll(async () => running?.kill());

interface BatchCase {
  caseId: string;
  files: AttachmentFile[];
}

/** Uploads and commits one case; resolves with the receipt only if the service acknowledged it. */
async function deliver(url: string, token: string, item: BatchCase): Promise<Receipt | null> {
  try {
    const uploadIds: string[] = [];
    for (const file of item.files) uploadIds.push(await uploadAttachment(url, token, item.caseId, file));
    const answer = await call(url, 'PUT', `/api/v1/cases/${item.caseId}`, { token, body: buildSubmission(item.caseId, item.files, uploadIds) });
    return answer.status === 200 || answer.status === 201 ? Receipt.parse(answer.body) : null;
  } catch {
    return null;
  }
}

async function storedAttachmentHash(url: string, caseId: string, attachmentId: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/admin/cases/${caseId}/attachments/${attachmentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return sha256(Buffer.from(await response.arrayBuffer()));
}

describe('central service killed with SIGKILL mid-batch', () => {
  it('loses no acknowledged case, and the batch completes exactly once after restart', async () => {
    const dataDir = await makeTempDir('central-crash-');
    const port = await freePort();
    running = await startChildCentral({ dataDir, port });
    const { token } = await enrollWorkstation(running.url, 'KL01');
    const batch: BatchCase[] = Array.from({ length: 24 }, () => ({ caseId: randomUUID(), files: sampleAttachments([60_000, 40_000, 40_000]) }));

    const acknowledged = new Map<string, Receipt>();
    let next = 0;
    const killAfter = 8;
    const victim = running;
    const worker = async () => {
      while (next < batch.length) {
        const item = batch[next++];
        const receipt = await deliver(victim.url, token, item);
        if (receipt) acknowledged.set(item.caseId, receipt);
        if (acknowledged.size === killAfter) void victim.kill('SIGKILL');
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);
    expect(acknowledged.size).toBeLessThan(batch.length);

    running = await startChildCentral({ dataDir, port });
    for (const [caseId, receipt] of acknowledged) {
      const detail = AdminCaseDetail.parse((await call(running.url, 'GET', `/api/v1/admin/cases/${caseId}`, { token: ADMIN_TOKEN })).body);
      expect(detail.receipt).toEqual(receipt);
      for (const attachment of receipt.attachments) expect(await storedAttachmentHash(running.url, caseId, attachment.attachmentId)).toBe(attachment.sha256);
    }

    // The workstation resends everything it has no receipt for; acknowledged cases resend as identical.
    for (const item of batch) {
      const receipt = await deliver(running.url, token, item);
      expect(receipt).not.toBeNull();
      if (acknowledged.has(item.caseId)) expect(receipt).toEqual(acknowledged.get(item.caseId));
    }
    const list = AdminCaseList.parse((await call(running.url, 'GET', '/api/v1/admin/cases?officeCode=KL01&limit=500', { token: ADMIN_TOKEN })).body);
    expect(list.cases.map((c) => c.caseId).sort()).toEqual(batch.map((b) => b.caseId).sort());
    expect(new Set(list.cases.map((c) => c.protocolNumber)).size).toBe(batch.length);
    for (const item of batch) {
      for (const file of item.files) expect(await storedAttachmentHash(running.url, item.caseId, file.attachmentId)).toBe(sha256(file.bytes));
    }
  }, 90_000);

  it('resumes an upload from its stored offset after the service was killed and restarted', async () => {
    const dataDir = await makeTempDir('central-crash-');
    const port = await freePort();
    running = await startChildCentral({ dataDir, port });
    const { token } = await enrollWorkstation(running.url, 'KL02');
    const caseId = randomUUID();
    const [file] = sampleAttachments([300_000]);
    const tusHeaders = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
    const created = await fetch(`${running.url}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders,
        'Upload-Length': String(file.bytes.length),
        'Upload-Metadata': `caseId ${Buffer.from(caseId).toString('base64')},attachmentId ${Buffer.from(file.attachmentId).toString('base64')},sha256 ${Buffer.from(sha256(file.bytes)).toString('base64')}`,
      },
    });
    const uploadUrl = new URL(created.headers.get('location') as string, running.url).toString();
    const half = 120_000;
    const first = await fetch(uploadUrl, { method: 'PATCH', headers: { ...tusHeaders, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(file.bytes.subarray(0, half)) });
    expect(first.status).toBe(204);
    await running.kill('SIGKILL');

    running = await startChildCentral({ dataDir, port });
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: tusHeaders });
    expect(head.headers.get('upload-offset')).toBe(String(half));
    const rest = await fetch(uploadUrl, { method: 'PATCH', headers: { ...tusHeaders, 'Upload-Offset': String(half), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(file.bytes.subarray(half)) });
    expect(rest.status).toBe(204);
    const uploadId = uploadUrl.split('/').pop() as string;
    const receipt = await call(running.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, [file], [uploadId]) });
    expect(receipt.status).toBe(201);
    expect(await storedAttachmentHash(running.url, caseId, file.attachmentId)).toBe(sha256(file.bytes));
    await running.kill('SIGKILL');
  }, 60_000);
});
