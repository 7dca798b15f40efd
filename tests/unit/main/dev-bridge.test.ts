import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevMainServer, MAX_BRIDGE_BODY_BYTES } from '../../../electron/dev/dev-main-server';

describe('dev web mode bridge', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-dev-bridge-'));
    const devMain = createDevMainServer({ userData, appOrigin: 'http://127.0.0.1:1', devSocketOrigin: 'ws://127.0.0.1:1' });
    server = http.createServer((req, res) => devMain.middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/__main/log%3Awrite`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });

  it('answers an ordinary call', async () => {
    expect(await post(JSON.stringify({ payload: { level: 'info', event: 'app.started' } }))).toBe(200);
  });

  it('refuses a body declared larger than the largest contract payload without reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/__main/log%3Awrite`, { method: 'POST', headers: { 'Content-Length': String(MAX_BRIDGE_BODY_BYTES + 1) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    // The server answers 413 and closes the connection: the client sees either, never a handled call.
    const status = await new Promise<number | 'connection cut'>((resolve) => {
      const req = http.request(`${base}/__main/log%3Awrite`, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve('connection cut'));
      const chunk = Buffer.alloc(8 * 1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_BRIDGE_BODY_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect([413, 'connection cut']).toContain(status);
  }, 60_000);
});
