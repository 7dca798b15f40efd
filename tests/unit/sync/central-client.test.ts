import { describe, expect, it } from 'vitest';
import { createCentralClient } from '../../../renderer/sync/central-client';
import type { CentralDiagnosis } from '../../../shared/central-api/transport-diagnosis';

const WHO = { workstationId: '0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11', officeCode: 'RM01', officeName: 'Roma', workstationName: 'S1', enrolledAt: '2026-11-23T09:00:00.000Z', serverTime: '2026-11-23T10:00:00.000Z' };

function answering(status: number, body: string, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(body, { status, headers });
}

describe('central client', () => {
  it('accepts a success only with a body that passes the contract, and reports the clock skew', async () => {
    const skews: number[] = [];
    const client = createCentralClient({
      baseUrl: 'http://127.0.0.1:9/',
      token: 't',
      clock: () => Date.parse('2026-11-23T09:50:00.000Z'),
      onClockSkew: (s) => skews.push(s),
      fetch: answering(200, JSON.stringify(WHO), { 'X-Server-Time': '2026-11-23T10:00:00.000Z' }),
    });
    expect(await client.whoAmI()).toEqual({ ok: true, status: 200, body: WHO });
    expect(skews).toEqual([600_000]);
  });

  it('never takes an HTML page or garbage under 200 for an answer of the service', async () => {
    for (const body of ['<!doctype html><p>Accedi</p>', '\u00ff\u0000{"', '{"workstationId":1}']) {
      const answer = await createCentralClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: answering(200, body) }).whoAmI();
      expect(answer).toMatchObject({ ok: false, failure: { action: 'retry', messageKey: 'central.transport.notService', code: null } });
    }
  });

  it('keeps the service code, next step and offending fields of a refusal (paths, never values)', async () => {
    const body = JSON.stringify({ code: 'INVALID_REQUEST', message: 'x', details: [{ path: 'body.formFields.email', issue: 'troppo lungo' }] });
    const answer = await createCentralClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: answering(400, body) }).getCase('0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11');
    expect(answer).toMatchObject({ ok: false, failure: { code: 'INVALID_REQUEST', action: 'quarantine', details: ['body.formFields.email: troppo lungo'] } });
  });

  it('reports no answer at all as unreachable, to be retried', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const answer = await createCentralClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: failing }).listChanges(null);
    expect(answer).toMatchObject({ ok: false, failure: { status: 0, action: 'retry', messageKey: 'central.transport.unreachable' } });
  });

  it('asks main who answers at the service address when nothing readable came, and says so', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const client = (diagnose: () => Promise<CentralDiagnosis>) => createCentralClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: failing, diagnose });
    expect(await client(async () => ({ kind: 'certificate', error: 'ERR_CERT_DATE_INVALID' })).whoAmI()).toMatchObject({
      ok: false,
      failure: { status: 0, action: 'retry', messageKey: 'central.transport.certificate', messageParams: { error: 'ERR_CERT_DATE_INVALID' } },
    });
    expect(await client(async () => ({ kind: 'answered', status: 502, byService: false, html: true })).whoAmI()).toMatchObject({
      ok: false,
      failure: { status: 0, messageKey: 'central.transport.middlebox', messageParams: { status: 502 } },
    });
    // A failing diagnosis leaves the generic message.
    expect(await client(() => Promise.reject(new Error('IPC down'))).whoAmI()).toMatchObject({ ok: false, failure: { messageKey: 'central.transport.unreachable' } });
  });

  it('classifies a revoked token as a reason to enroll again', async () => {
    const body = JSON.stringify({ code: 'TOKEN_REVOKED', message: 'revocata' });
    const answer = await createCentralClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: answering(401, body) }).whoAmI();
    expect(answer).toMatchObject({ ok: false, failure: { code: 'TOKEN_REVOKED', action: 'enroll' } });
  });
});
