import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isAllowedOrigin, isLoopbackHost, readCentralConfig } from '../server/config';
import { makeTempDir, startTestCentral } from './harness';

const cwd = '/srv/central';

describe('configuration', () => {
  it('starts with defaults on loopback with the embedded database', () => {
    const config = readCentralConfig({}, cwd);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, tls: null, database: { kind: 'sqlite', file: '/srv/central/.central-data/central.sqlite' } });
  });

  it.each([
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['central.inail.local', false],
    ['::', false],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
  ])('plain HTTP on %s allowed: %s', (host, allowed) => {
    expect(isLoopbackHost(host)).toBe(allowed);
    const attempt = () => readCentralConfig({ CENTRAL_HOST: host }, cwd);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(/plain HTTP is only allowed on loopback/);
    expect(() => readCentralConfig({ CENTRAL_HOST: host, CENTRAL_TLS_CERT: 'c.pem', CENTRAL_TLS_KEY: 'k.pem' }, cwd)).not.toThrow();
  });

  it.each([
    [{ CENTRAL_TLS_CERT: 'c.pem' }, /together/],
    [{ CENTRAL_PORT: 'eighty' }, /CENTRAL_PORT/],
    [{ CENTRAL_DATABASE_URL: 'mysql://x' }, /postgres/],
    [{ CENTRAL_ADMIN_TOKEN: 'short' }, /24 characters/],
    [{ CENTRAL_MAX_JSON_BYTES: '-1' }, /CENTRAL_MAX_JSON_BYTES/],
  ])('refuses %o', (env, message) => {
    expect(() => readCentralConfig(env, cwd)).toThrow(ConfigError);
    expect(() => readCentralConfig(env, cwd)).toThrow(message);
  });

  it('selects PostgreSQL from CENTRAL_DATABASE_URL', () => {
    expect(readCentralConfig({ CENTRAL_DATABASE_URL: 'postgres://central@db/central' }, cwd).database).toEqual({ kind: 'postgres', url: 'postgres://central@db/central' });
  });

  it.each([
    ['app://sportello', '127.0.0.1', true],
    ['http://127.0.0.1:5174', '127.0.0.1', true],
    ['http://localhost:5202', '127.0.0.1', true],
    ['http://127.0.0.1:5174', '0.0.0.0', false],
    ['https://evil.example', '127.0.0.1', false],
    ['http://127.0.0.1.evil.example', '127.0.0.1', false],
    ['null', '127.0.0.1', false],
    ['https://sportello.inail.local', '0.0.0.0', true],
  ])('CORS origin %s with the service on %s allowed: %s', (origin, host, allowed) => {
    expect(isAllowedOrigin({ host, allowedOrigins: ['app://sportello', 'https://sportello.inail.local'] }, origin)).toBe(allowed);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasOpenssl())('TLS', () => {
  it('serves HTTPS with the configured certificate and key', async () => {
    const dir = await makeTempDir('central-tls-');
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const central = await startTestCentral({ env: { CENTRAL_TLS_CERT: cert, CENTRAL_TLS_KEY: key }, dataDir: dir });
    try {
      expect(central.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number>((resolve, reject) => {
        https.get(`${central.url}/api/v1/workstation`, { ca: readFileSync(cert) }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
      });
      expect(status).toBe(401);
      // A client that does not trust the certificate is refused by TLS itself.
      await expect(fetch(`${central.url}/api/v1/workstation`)).rejects.toThrow();
    } finally {
      await central.stop();
    }
  });
});
