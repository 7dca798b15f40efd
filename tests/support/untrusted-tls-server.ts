import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * An HTTPS server on 127.0.0.1 whose certificate no one trusts (self-signed, in ./tls, test use
 * only): what a workstation meets when the service's certificate is wrong or a proxy re-signs traffic.
 * It answers every request that does get through like the central service would refuse it, and counts them.
 */
export async function startUntrustedTlsServer(): Promise<{ url: string; requests(): number; close(): Promise<void> }> {
  let requests = 0;
  const dir = path.resolve('tests/support/tls');
  const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'untrusted-127.0.0.1.key')), cert: fs.readFileSync(path.join(dir, 'untrusted-127.0.0.1.crt')) }, (_req, res) => {
    requests += 1;
    res.writeHead(401, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end('{"code":"UNAUTHENTICATED","message":"Autenticazione mancante o non valida."}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
