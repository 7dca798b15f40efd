import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { UPLOADS_PATH } from '../../shared/central-api/protocol';
import { ADMIN_TOKEN, call, enrollWorkstation, sendCase, startTestCentral, type TestCentral } from './harness';

const MiB = 1024 * 1024;
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Declares a tus upload (POST only, no bytes): what a misbehaving workstation can repeat. */
async function declareUpload(central: TestCentral, token: string, size: number): Promise<Response> {
  const metadata = { caseId: randomUUID(), attachmentId: randomUUID(), sha256: 'a'.repeat(64), filename: 'scan.bin', filetype: 'image/jpeg' };
  return fetch(`${central.url}${UPLOADS_PATH}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(size),
      'Upload-Metadata': Object.entries(metadata).map(([k, v]) => `${k} ${b64(v)}`).join(','),
    },
  });
}

describe('abuse limits', () => {
  let central: TestCentral | null = null;
  afterEach(async () => {
    await central?.stop();
    central = null;
  });

  it('refuses the 21st open upload of one workstation with 429, while another workstation still uploads', async () => {
    central = await startTestCentral();
    const { token } = await enrollWorkstation(central.url, 'RM01');
    for (let i = 0; i < 20; i++) expect((await declareUpload(central, token, 1000)).status).toBe(201);
    const refused = await declareUpload(central, token, 1000);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_OPEN_UPLOADS' });
    const other = await enrollWorkstation(central.url, 'RM01', 'Sportello 2');
    expect((await sendCase(central.url, other.token)).response.status).toBe(201);
  });

  it('refuses declared bytes past the per-workstation budget (8 × 25 MiB fit in 200 MiB, the 9th does not)', async () => {
    central = await startTestCentral();
    const { token } = await enrollWorkstation(central.url, 'RM01');
    for (let i = 0; i < 8; i++) expect((await declareUpload(central, token, 25 * MiB)).status).toBe(201);
    expect((await declareUpload(central, token, 25 * MiB)).status).toBe(429);
  });

  it('counts open uploads again after a restart', async () => {
    central = await startTestCentral({ env: { CENTRAL_MAX_OPEN_UPLOADS: '3' } });
    const { token } = await enrollWorkstation(central.url, 'RM01');
    for (let i = 0; i < 3; i++) expect((await declareUpload(central, token, 1000)).status).toBe(201);
    const { dataDir } = central;
    await central.stop();
    central = await startTestCentral({ dataDir, env: { CENTRAL_MAX_OPEN_UPLOADS: '3' } });
    expect((await declareUpload(central, token, 1000)).status).toBe(429);
  });

  it('rate-limits enrolment and admin routes per address with 429 and Retry-After', async () => {
    central = await startTestCentral({ env: { CENTRAL_ENROLLMENTS_PER_MINUTE: '3', CENTRAL_ADMIN_REQUESTS_PER_MINUTE: '4' } });
    for (let i = 0; i < 3; i++) {
      const guess = await call(central.url, 'POST', '/api/v1/enrollments', { body: { officeCode: 'RM01', enrollmentCode: `guess-${i}`, workstationName: 'x' } });
      expect(guess.status).not.toBe(429);
    }
    const limited = await fetch(`${central.url}/api/v1/enrollments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    for (let i = 0; i < 4; i++) expect((await call(central.url, 'GET', '/api/v1/admin/workstations', { token: ADMIN_TOKEN })).status).toBe(200);
    expect((await call(central.url, 'GET', '/api/v1/admin/workstations', { token: ADMIN_TOKEN })).status).toBe(429);
    central.advanceClock(61_000);
    expect((await call(central.url, 'GET', '/api/v1/admin/workstations', { token: ADMIN_TOKEN })).status).toBe(200);
  });
});
