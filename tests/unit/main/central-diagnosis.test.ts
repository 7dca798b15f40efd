import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseCentralService, isCertificateError, transportErrorCode } from '../../../electron/main/central-service/central-diagnosis';
import { createCertificateErrors } from '../../../electron/main/central-service/certificate-errors';
import { freePort } from '../../../central/tests/child-central';
import { startTestCentral, type TestCentral } from '../../../central/tests/harness';
import { startUntrustedTlsServer } from '../../support/untrusted-tls-server';

/** A stand-in for whatever sits at the service address: answers every request with `status`, `type`, `body`. */
async function answering(status: number, type: string, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const nodeFetch = (url: string, init: { signal: AbortSignal; cache: 'no-store' }) => fetch(url, init);
const diagnose = (url: string, extra: Partial<Parameters<typeof diagnoseCentralService>[0]> = {}) => diagnoseCentralService({ serviceUrl: async () => url, fetch: nodeFetch, ...extra });

describe('diagnoseCentralService: who answers at the configured address, seen from main', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startTestCentral();
  });
  afterAll(async () => {
    await central.stop();
    await fs.rm(central.dataDir, { recursive: true, force: true });
  });

  it('recognises the real central service by its own JSON error (no credentials sent)', async () => {
    expect(await diagnose(central.url)).toEqual({ kind: 'answered', status: 401, byService: true, html: false });
    expect(await diagnose(`${central.url}/`)).toEqual({ kind: 'answered', status: 401, byService: true, html: false });
  });

  it.each([
    ['a proxy error page', 502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, byService: false, html: true }],
    ['a firewall block page served as 200', 200, 'text/html; charset=utf-8', '<!doctype html><title>Accesso negato</title>', { status: 200, byService: false, html: true }],
    ['an HTML page mislabelled as JSON', 403, 'application/json', '<html>blocked</html>', { status: 403, byService: false, html: true }],
    ['garbage', 200, 'application/json', '\u00ff\u0000{"', { status: 200, byService: false, html: false }],
    ['JSON that is not the contract', 503, 'application/json', '{"error":"maintenance"}', { status: 503, byService: false, html: false }],
  ])('tells %s from the service', async (_name, status, type, body, expected) => {
    const device = await answering(status, type, body);
    try {
      expect(await diagnose(device.url)).toEqual({ kind: 'answered', ...expected });
    } finally {
      await device.close();
    }
  });

  it('reports a refused certificate with the network stack code', async () => {
    const tls = await startUntrustedTlsServer();
    try {
      const diagnosis = await diagnose(tls.url);
      expect(diagnosis.kind).toBe('certificate');
      expect(diagnosis).toMatchObject({ error: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
    } finally {
      await tls.close();
    }
  });

  it('reports nothing listening as no answer, and no URL as unconfigured', async () => {
    expect(await diagnose(`http://127.0.0.1:${await freePort()}`)).toEqual({ kind: 'no-answer', error: 'ECONNREFUSED' });
    expect(await diagnose('')).toEqual({ kind: 'unconfigured' });
    expect(await diagnose('not a url')).toEqual({ kind: 'unconfigured' });
  });

  it('uses a certificate error Chromium reported for the origin when main only sees a generic failure, never for a plain refusal', async () => {
    const errors = createCertificateErrors();
    errors.record('https://central.example.it/api/v1/cases/x', 'net::ERR_CERT_DATE_INVALID');
    const failing = (message: string) => async () => {
      throw new Error(message);
    };
    const url = 'https://central.example.it';
    expect(await diagnose(url, { fetch: failing('net::ERR_FAILED'), certificateError: errors.lastFor })).toEqual({ kind: 'certificate', error: 'ERR_CERT_DATE_INVALID' });
    expect(await diagnose(url, { fetch: failing('net::ERR_CONNECTION_REFUSED'), certificateError: errors.lastFor })).toEqual({ kind: 'no-answer', error: 'ERR_CONNECTION_REFUSED' });
    expect(await diagnose('https://other.example.it', { fetch: failing('net::ERR_FAILED'), certificateError: errors.lastFor })).toEqual({ kind: 'no-answer', error: 'ERR_FAILED' });
  });
});

describe('transportErrorCode and isCertificateError', () => {
  const timeout = new Error('The operation was aborted due to timeout');
  timeout.name = 'TimeoutError';
  it.each([
    ['Electron net.fetch, untrusted issuer', new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'ERR_CERT_AUTHORITY_INVALID', true],
    ['Electron net.fetch, name mismatch', new TypeError('Failed to fetch: net::ERR_CERT_COMMON_NAME_INVALID'), 'ERR_CERT_COMMON_NAME_INVALID', true],
    ['Electron net.fetch, refused', new Error('net::ERR_CONNECTION_REFUSED'), 'ERR_CONNECTION_REFUSED', false],
    ['Node fetch, expired', Object.assign(new TypeError('fetch failed'), { cause: { code: 'CERT_HAS_EXPIRED' } }), 'CERT_HAS_EXPIRED', true],
    ['Node fetch, self-signed', Object.assign(new TypeError('fetch failed'), { cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }), 'DEPTH_ZERO_SELF_SIGNED_CERT', true],
    ['Node fetch, other name', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } }), 'ERR_TLS_CERT_ALTNAME_INVALID', true],
    ['Node fetch, DNS', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'ENOTFOUND', false],
    ['timeout', timeout, 'TIMEOUT', false],
    ['anything else', 'boom', 'UNKNOWN', false],
    ['a code with odd characters is cleaned', Object.assign(new Error('x'), { cause: { code: 'E<script>' } }), 'Escript', false],
  ])('%s', (_name, error, code, certificate) => {
    expect(transportErrorCode(error)).toBe(code);
    expect(isCertificateError(code)).toBe(certificate);
  });
});

describe('createCertificateErrors', () => {
  it('keeps the last error per origin for ten minutes and ignores malformed URLs', () => {
    let now = 0;
    const errors = createCertificateErrors(() => now);
    errors.record('https://central.example.it:8443/path', 'net::ERR_CERT_AUTHORITY_INVALID');
    errors.record('::not a url::', 'net::ERR_CERT_INVALID');
    expect(errors.lastFor('https://central.example.it:8443')).toBe('net::ERR_CERT_AUTHORITY_INVALID');
    expect(errors.lastFor('https://central.example.it')).toBeNull();
    now = 10 * 60_000 + 1;
    expect(errors.lastFor('https://central.example.it:8443')).toBeNull();
  });
});
