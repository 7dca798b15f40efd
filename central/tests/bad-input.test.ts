import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../shared/central-api/errors';
import { buildSubmission, call, enrollWorkstation, sampleAttachments, startTestCentral, uploadAttachment, type TestCentral } from './harness';

let central: TestCentral;
let token: string;

beforeAll(async () => {
  central = await startTestCentral({ env: { CENTRAL_MAX_JSON_BYTES: '20000', CENTRAL_MAX_ATTACHMENT_BYTES: '100000' } });
  ({ token } = await enrollWorkstation(central.url, 'AQ01'));
});
afterAll(async () => central.stop());

async function raw(method: string, route: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${central.url}${route}`, { method, body, headers: { Authorization: `Bearer ${token}`, ...headers } });
  const text = await response.text();
  return { status: response.status, body: ApiErrorBody.parse(JSON.parse(text)), contentType: response.headers.get('content-type') };
}

/** Sends bytes that are not HTTP at all and returns what the server answered before closing. */
function sendGarbage(bytes: Buffer): Promise<string> {
  const url = new URL(central.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('bad input gets a clear JSON refusal and changes nothing', () => {
  const caseRoute = () => `/api/v1/cases/${randomUUID()}`;

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const answer = await raw('PUT', caseRoute(), '{"caseId": ', { 'Content-Type': 'application/json' });
    expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
    expect(answer.contentType).toContain('application/json');
    expect(answer.body.message).toMatch(/JSON/);
  });

  it('answers a non-JSON content type with 415', async () => {
    expect(await raw('PUT', caseRoute(), '<case/>', { 'Content-Type': 'application/xml' })).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('answers an oversize JSON body with 413, declared or streamed', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(30_000) });
    expect(await raw('PUT', caseRoute(), big, { 'Content-Type': 'application/json' })).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const chunked = await fetch(`${central.url}${caseRoute()}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(5000)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers schema violations with 400 INVALID_REQUEST naming the fields, never echoing values', async () => {
    const caseId = randomUUID();
    const files = sampleAttachments([1000]);
    const submission = buildSubmission(caseId, files, ['abc']);
    const bad = { ...submission, category: 'Altro', formFields: { ...submission.formFields, codice_fiscale: 'SECRET-VALUE-'.repeat(50) }, unexpected: true };
    const answer = await call(central.url, 'PUT', `/api/v1/cases/${caseId}`, { token, body: bad });
    expect(answer.status).toBe(400);
    const body = ApiErrorBody.parse(answer.body);
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['body.category', 'body.formFields.codice_fiscale', 'body']));
    expect(JSON.stringify(body)).not.toContain('SECRET-VALUE');
    expect((await call(central.url, 'PUT', `/api/v1/cases/not-a-uuid`, { token, body: submission })).body).toMatchObject({ code: 'INVALID_REQUEST', details: [{ path: 'params.caseId' }] });
  });

  it('answers a body whose case id differs from the path with 400 CASE_ID_MISMATCH', async () => {
    const files = sampleAttachments([1000]);
    const answer = await call(central.url, 'PUT', `/api/v1/cases/${randomUUID()}`, { token, body: buildSubmission(randomUUID(), files, ['abc']) });
    expect(answer.body).toMatchObject({ code: 'CASE_ID_MISMATCH' });
  });

  it('answers unknown routes 404 and wrong methods 405, in JSON', async () => {
    expect((await call(central.url, 'GET', '/api/v2/cases', { token })).body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(central.url, 'DELETE', '/api/v1/changes', { token })).body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect((await call(central.url, 'GET', '/api/v1/changes?cursor=-1', { token })).body).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses an oversize attachment before any byte is stored, with a JSON 413', async () => {
    const response = await fetch(`${central.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Length': '100001' },
    });
    expect(response.status).toBe(413);
    expect(ApiErrorBody.parse(await response.json()).code).toBe('UPLOAD_TOO_LARGE');
    const viaClient = await uploadAttachment(central.url, token, randomUUID(), sampleAttachments([150_000])[0]).catch((error: Error) => String(error));
    expect(viaClient).toContain('UPLOAD_TOO_LARGE');
  });

  it('refuses uploads without valid metadata or of unknown ids', async () => {
    const noMetadata = await fetch(`${central.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
    });
    expect(noMetadata.status).toBe(400);
    expect(ApiErrorBody.parse(await noMetadata.json()).code).toBe('UPLOAD_METADATA_INVALID');
    const deferred = await fetch(`${central.url}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Defer-Length': '1',
        'Upload-Metadata': `caseId ${Buffer.from(randomUUID()).toString('base64')},attachmentId ${Buffer.from('form').toString('base64')},sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
      },
    });
    expect(deferred.status).toBe(400);
    const unknown = await fetch(`${central.url}/api/v1/uploads/0123456789abcdef0123456789abcdef`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: 'abc',
    });
    expect(unknown.status).toBe(404);
    expect(ApiErrorBody.parse(await unknown.json()).code).toBe('UPLOAD_NOT_FOUND');
  });

  it('survives bytes that are not HTTP at all', async () => {
    const answer = await sendGarbage(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x42]));
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await call(central.url, 'GET', '/api/v1/workstation', { token })).status).toBe(200);
  });
});
