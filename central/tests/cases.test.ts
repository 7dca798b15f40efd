import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCaseDetail } from '../../shared/central-api/admin';
import { CaseStatusView, Receipt } from '../../shared/central-api/cases';
import { ApiErrorBody } from '../../shared/central-api/errors';
import { CASE_CATEGORY, SERVER_TIME_HEADER } from '../../shared/central-api/protocol';
import { ADMIN_TOKEN, buildSubmission, call, enrollWorkstation, sampleAttachments, sendCase, sha256, startTestCentral, uploadAttachment, type TestCentral } from './harness';

let central: TestCentral;
let token: string;

beforeAll(async () => {
  central = await startTestCentral();
  ({ token } = await enrollWorkstation(central.url, 'RM01'));
});
afterAll(async () => central.stop());

async function caseCount(): Promise<number> {
  const list = await call<{ cases: unknown[] }>(central.url, 'GET', '/api/v1/admin/cases?limit=500', { token: ADMIN_TOKEN });
  return list.body.cases.length;
}

describe('case submission', () => {
  it('acknowledges a case with a receipt (protocol number, server time) after storing every attachment byte-identical', async () => {
    const before = Date.now();
    const { caseId, files, response } = await sendCase(central.url, token);
    expect(response.status).toBe(201);
    const receipt = Receipt.parse(response.body);
    expect(receipt.caseId).toBe(caseId);
    expect(receipt.protocolNumber).toMatch(/^RM01-\d{4}-\d{7}$/);
    expect(receipt.category).toBe(CASE_CATEGORY);
    expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(receipt.attachments.map((a) => a.sha256)).toEqual(files.map((f) => sha256(f.bytes)));

    const detail = AdminCaseDetail.parse((await call(central.url, 'GET', `/api/v1/admin/cases/${caseId}`, { token: ADMIN_TOKEN })).body);
    expect(detail.history.map((h) => h.status)).toEqual(['received']);
    for (const file of files) {
      const stored = await fetch(`${central.url}/api/v1/admin/cases/${caseId}/attachments/${file.attachmentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(stored.status).toBe(200);
      expect(sha256(Buffer.from(await stored.arrayBuffer()))).toBe(sha256(file.bytes));
    }
    const view = CaseStatusView.parse((await call(central.url, 'GET', `/api/v1/cases/${caseId}`, { token })).body);
    expect(view.status).toBe('received');
    expect(view.receipt).toEqual(receipt);
  });

  it('answers an identical resend with the same receipt and stores nothing new', async () => {
    const first = await sendCase(central.url, token);
    const count = await caseCount();
    const again = await call(central.url, 'PUT', `/api/v1/cases/${first.caseId}`, { token, body: first.submission });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.response.body);
    // A resend pointing at fresh uploads of the same bytes (another workstation, a USB bundle) is still identical.
    const freshIds: string[] = [];
    for (const file of first.files) freshIds.push(await uploadAttachment(central.url, token, first.caseId, file));
    const reordered = buildSubmission(first.caseId, first.files, freshIds);
    reordered.attachments.reverse();
    const third = await call(central.url, 'PUT', `/api/v1/cases/${first.caseId}`, { token, body: reordered });
    expect(third.status).toBe(200);
    expect(third.body).toEqual(first.response.body);
    expect(await caseCount()).toBe(count);
  });

  it('takes a case created on one workstation from another workstation of the same office (case bundle), once', async () => {
    const other = await enrollWorkstation(central.url, 'RM01', 'Sportello nuovo');
    const caseId = randomUUID();
    const files = sampleAttachments([20_000, 8_000]);
    const uploadIds: string[] = [];
    for (const file of files) uploadIds.push(await uploadAttachment(central.url, other.token, caseId, file));
    const count = await caseCount();
    const fromNew = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token: other.token, body: buildSubmission(caseId, files, uploadIds) });
    expect(fromNew.status).toBe(201);
    // The exporting workstation resumes it too: same receipt, nothing new stored.
    const ownIds: string[] = [];
    for (const file of files) ownIds.push(await uploadAttachment(central.url, token, caseId, file));
    const fromOld = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, files, ownIds) });
    expect(fromOld.status).toBe(200);
    expect(fromOld.body).toEqual(fromNew.body);
    expect(await caseCount()).toBe(count + 1);
    // A workstation of another office gets a conflict, never the case.
    const elsewhere = await enrollWorkstation(central.url, 'MI02');
    const foreignIds: string[] = [];
    for (const file of files) foreignIds.push(await uploadAttachment(central.url, elsewhere.token, caseId, file));
    const foreign = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token: elsewhere.token, body: buildSubmission(caseId, files, foreignIds) });
    expect(foreign.status).toBe(409);
    expect((await call(central.url, 'GET', `/api/v1/cases/${caseId}`, { token: elsewhere.token })).status).toBe(404);
  });

  it('refuses the same case id with different content with 409 CASE_CONFLICT and keeps the original', async () => {
    const first = await sendCase(central.url, token);
    const changed = { ...first.submission, formFields: { ...first.submission.formFields, cognome: 'BIANCHI' } };
    const conflict = await call(central.url, 'PUT', `/api/v1/cases/${first.caseId}`, { token, body: changed });
    expect(conflict.status).toBe(409);
    expect(ApiErrorBody.parse(conflict.body).code).toBe('CASE_CONFLICT');
    const detail = AdminCaseDetail.parse((await call(central.url, 'GET', `/api/v1/admin/cases/${first.caseId}`, { token: ADMIN_TOKEN })).body);
    expect(detail.submission.formFields.cognome).toBe('ROSSI');
  });

  it('gives concurrent duplicates of one new case a single protocol number', async () => {
    const caseId = randomUUID();
    const files = sampleAttachments([10_000]);
    const uploadId = await uploadAttachment(central.url, token, caseId, files[0]);
    const submission = buildSubmission(caseId, files, [uploadId]);
    const answers = await Promise.all([1, 2, 3, 4].map(() => call<{ protocolNumber: string }>(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: submission })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.protocolNumber)).size).toBe(1);
  });

  it('refuses an upload whose bytes do not match the declared SHA-256, and deletes it', async () => {
    const caseId = randomUUID();
    const [file] = sampleAttachments([20_000]);
    const failure = await uploadAttachment(central.url, token, caseId, file, { declaredSha256: sha256(Buffer.from('something else')) }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toContain('422');
    expect(String(failure)).toContain('ATTACHMENT_HASH_MISMATCH');
    const uploadsLeft = (await fs.readdir(path.join(central.dataDir, 'uploads'))).filter((name) => !name.endsWith('.json'));
    for (const name of uploadsLeft) {
      const meta = JSON.parse(await fs.readFile(path.join(central.dataDir, 'uploads', `${name}.json`), 'utf8').catch(() => '{}'));
      expect(meta.metadata?.caseId).not.toBe(caseId);
    }
  });

  it('does not acknowledge a case while one attachment is missing, incomplete or declared with another hash', async () => {
    const caseId = randomUUID();
    const files = sampleAttachments([15_000, 15_000]);
    const firstUpload = await uploadAttachment(central.url, token, caseId, files[0]);

    const missing = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, files, [firstUpload, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ code: 'ATTACHMENT_UPLOAD_MISSING', details: [{ path: 'attachments.1', issue: 'id-front' }] });

    // A created but unfinished upload (tus POST with no PATCH yet).
    const created = await fetch(`${central.url}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(files[1].bytes.length),
        'Upload-Metadata': `caseId ${Buffer.from(caseId).toString('base64')},attachmentId ${Buffer.from('id-front').toString('base64')},sha256 ${Buffer.from(sha256(files[1].bytes)).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const partialId = (created.headers.get('location') as string).split('/').pop() as string;
    const incomplete = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, files, [firstUpload, partialId]) });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body).toMatchObject({ code: 'ATTACHMENT_UPLOAD_INCOMPLETE' });

    // The upload of another attachment cannot stand in for this one.
    const swapped = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, files, [firstUpload, firstUpload]) });
    expect(swapped.status).toBe(409);
    expect(swapped.body).toMatchObject({ code: 'ATTACHMENT_UPLOAD_MISMATCH' });

    expect((await call(central.url, 'GET', `/api/v1/cases/${caseId}`, { token })).status).toBe(404);
    const secondUpload = await uploadAttachment(central.url, token, caseId, files[1]);
    const done = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, files, [firstUpload, secondUpload]) });
    expect(done.status).toBe(201);
  });

  it('sweeps finished uploads that no case took once they expire, and never an archived attachment', async () => {
    const committed = await sendCase(central.url, token, sampleAttachments([3000]));
    const caseId = randomUUID();
    const [file] = sampleAttachments([4000]);
    const orphan = await uploadAttachment(central.url, token, caseId, file);
    expect(await central.sweepExpiredUploads()).toBe(0);
    central.advanceClock(8 * 24 * 3_600_000);
    try {
      expect(await central.sweepExpiredUploads()).toBeGreaterThanOrEqual(1);
    } finally {
      central.advanceClock(-8 * 24 * 3_600_000);
    }
    const late = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: buildSubmission(caseId, [file], [orphan]) });
    expect(late.body).toMatchObject({ code: 'ATTACHMENT_UPLOAD_MISSING' });
    const archived = await fetch(`${central.url}/api/v1/admin/cases/${committed.caseId}/attachments/form`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(archived.status).toBe(200);
  });

  it('puts the server time on every response, errors and uploads included', async () => {
    const uploadId = await uploadAttachment(central.url, token, randomUUID(), sampleAttachments([100])[0]);
    const responses = [
      await fetch(`${central.url}/api/v1/uploads/${uploadId}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' } }),
      await fetch(`${central.url}/api/v1/workstation`, { headers: { Authorization: `Bearer ${token}` } }),
      await fetch(`${central.url}/api/v1/nowhere`),
      await fetch(`${central.url}/api/v1/uploads`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' } }),
    ];
    for (const response of responses) {
      const serverTime = Date.parse(response.headers.get(SERVER_TIME_HEADER) ?? '');
      expect(Math.abs(serverTime - Date.now())).toBeLessThan(5000);
    }
  });

  it('never writes personal data to its log', async () => {
    await sendCase(central.url, token);
    const logText = JSON.stringify(central.logs);
    for (const personal of ['ROSSI', 'MARIO', 'RSSMRA85D12H501Z', 'mario.rossi', token, ADMIN_TOKEN]) expect(logText).not.toContain(personal);
    expect(central.logs.some((entry) => entry.route === 'putCase' && entry.status === 201)).toBe(true);
  });
});
