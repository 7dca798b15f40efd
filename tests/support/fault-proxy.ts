import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault-injecting HTTP proxy for loopback tests: clients talk to it instead of the central
 * service and a plan decides, request by request, what goes wrong. Node only (tests and benches).
 */
export type Fault =
  /** Wait before forwarding. */
  | { kind: 'delay'; ms: number }
  /** Forward only the first `bytes` of the request body, then cut both connections (a link dropping mid-upload). */
  | { kind: 'cut-request'; afterBytes: number }
  /**
   * Answer without reaching the service (500/502/503/413, an HTML error page, garbage...). `headers`
   * adds response headers, e.g. CORS headers so a browser page may read the answer.
   */
  | { kind: 'respond'; status: number; body: string | Buffer; contentType?: string; headers?: Record<string, string> }
  /** Forward, then send the service's status and headers but only `bytes` of its body before closing. */
  | { kind: 'truncate-response'; afterBytes: number }
  /** Forward and let the service commit, then close the client connection without any response (lost acknowledgement). */
  | { kind: 'drop-response' }
  /** Deliver the request to the service twice (as a retrying middlebox would); the client gets the second answer. */
  | { kind: 'duplicate-request' };

export interface ProxiedRequest {
  seq: number;
  method: string;
  path: string;
}

export type FaultPlan = (request: ProxiedRequest) => Fault | null | undefined;

export interface ProxyRecord extends ProxiedRequest {
  fault: Fault['kind'] | null;
  /** Request-body bytes that reached the service for this request (twice for a duplicate). */
  upstreamBodyBytes: number;
  status: number | null;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** Replaces the plan; `null` lets every request through untouched. */
  setPlan(plan: FaultPlan | null): void;
  records: ProxyRecord[];
  /** Total request-body bytes delivered to the service. */
  upstreamBodyBytes(): number;
  close(): Promise<void>;
}

/** Canned answers for the `respond` fault. */
export const cannedResponses = {
  internalError: { kind: 'respond', status: 500, body: '{"code":"INTERNAL_ERROR","message":"errore simulato"}', contentType: 'application/json' },
  badGatewayHtml: { kind: 'respond', status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' },
  unavailable: { kind: 'respond', status: 503, body: 'Service Unavailable', contentType: 'text/plain' },
  tooLargeHtml: { kind: 'respond', status: 413, body: '<html><body>413 Request Entity Too Large</body></html>', contentType: 'text/html' },
  okGarbage: { kind: 'respond', status: 200, body: Buffer.from([0xff, 0x00, 0x7b, 0x22, 0xfe, 0x0a]), contentType: 'application/json' },
  okHtml: { kind: 'respond', status: 200, body: '<!doctype html><title>Portale</title><p>Accedi</p>', contentType: 'text/html' },
} as const satisfies Record<string, Fault>;

/** Deterministic PRNG (mulberry32) so a failing random-fault run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plan that injects one of `faults` into a `rate` share of requests, reproducibly from `seed`. */
export function randomFaultPlan(options: { seed: number; rate: number; faults: readonly Fault[] }): FaultPlan {
  const random = seededRandom(options.seed);
  return () => (random() < options.rate ? options.faults[Math.floor(random() * options.faults.length)] : null);
}

/** A plan that injects `fault` into the first `times` requests matching `matches`. */
export function faultFirst(matches: (request: ProxiedRequest) => boolean, fault: Fault, times = 1): FaultPlan {
  let left = times;
  return (request) => {
    if (left > 0 && matches(request)) {
      left -= 1;
      return fault;
    }
    return null;
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function forwardHeaders(headers: http.IncomingHttpHeaders, target: URL): http.OutgoingHttpHeaders {
  const result: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) result[name] = value;
  result.host = target.host;
  return result;
}

export async function startFaultProxy(options: { target: string; plan?: FaultPlan | null; port?: number }): Promise<FaultProxy> {
  const target = new URL(options.target);
  let plan = options.plan ?? null;
  let seq = 0;
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const agent = new http.Agent({ keepAlive: false });

  /** Sends the buffered or streamed request upstream; resolves with the upstream response (body not consumed). */
  function sendUpstream(req: IncomingMessage, body: Buffer | null, record: ProxyRecord, cutAfter: number | null): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: forwardHeaders(req.headers, target), agent },
        resolve,
      );
      upstream.on('error', reject);
      if (body) {
        record.upstreamBodyBytes += body.length;
        upstream.end(body);
        return;
      }
      let sent = 0;
      req.on('data', (chunk: Buffer) => {
        if (cutAfter !== null && sent + chunk.length >= cutAfter) {
          const slice = chunk.subarray(0, Math.max(0, cutAfter - sent));
          sent += slice.length;
          record.upstreamBodyBytes += slice.length;
          upstream.write(slice, () => {
            // Give the service a moment to store what arrived, as a real dropped link would.
            setTimeout(() => {
              upstream.destroy();
              req.socket.destroy();
              reject(new Error('cut'));
            }, 20);
          });
          req.pause();
          cutAfter = null;
          sent = Number.POSITIVE_INFINITY;
          return;
        }
        if (sent === Number.POSITIVE_INFINITY) return;
        sent += chunk.length;
        record.upstreamBodyBytes += chunk.length;
        upstream.write(chunk);
      });
      req.on('end', () => {
        if (sent !== Number.POSITIVE_INFINITY) upstream.end();
      });
      req.on('error', () => upstream.destroy());
    });
  }

  async function readAll(stream: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function relay(upstream: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const headers = forwardHeaders(upstream.headers, target);
    delete headers.host;
    headers['content-length'] = body.length;
    res.writeHead(upstream.statusCode ?? 502, headers);
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    seq += 1;
    const request: ProxiedRequest = { seq, method: req.method ?? '', path: req.url ?? '/' };
    const fault = plan?.(request) ?? null;
    const record: ProxyRecord = { ...request, fault: fault?.kind ?? null, upstreamBodyBytes: 0, status: null };
    records.push(record);
    try {
      switch (fault?.kind) {
        case 'respond': {
          await readAll(req).catch(() => undefined);
          record.status = fault.status;
          res.writeHead(fault.status, { ...fault.headers, 'Content-Type': fault.contentType ?? 'text/plain', 'Content-Length': Buffer.byteLength(fault.body) });
          res.end(fault.body);
          return;
        }
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, fault.ms));
          break;
        case 'cut-request': {
          await sendUpstream(req, null, record, fault.afterBytes).catch(() => undefined);
          res.socket?.destroy();
          return;
        }
        case 'duplicate-request': {
          const body = await readAll(req);
          const first = await sendUpstream(req, body, record, null);
          await readAll(first);
          const second = await sendUpstream(req, body, record, null);
          const answer = await readAll(second);
          record.status = second.statusCode ?? null;
          relay(second, res, answer);
          return;
        }
        default:
          break;
      }
      const upstream = await sendUpstream(req, null, record, null);
      const body = await readAll(upstream);
      record.status = upstream.statusCode ?? null;
      if (fault?.kind === 'drop-response') {
        res.socket?.destroy();
        return;
      }
      if (fault?.kind === 'truncate-response') {
        const headers = forwardHeaders(upstream.headers, target);
        delete headers.host;
        headers['content-length'] = body.length;
        res.writeHead(upstream.statusCode ?? 502, headers);
        res.write(body.subarray(0, fault.afterBytes), () => res.socket?.destroy());
        return;
      }
      relay(upstream, res, body);
    } catch {
      // The service is down or the connection was cut: a client sees what a real proxy would send.
      if (!res.headersSent && !res.socket?.destroyed) {
        record.status = 502;
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><body>502 Bad Gateway</body></html>');
      } else {
        res.socket?.destroy();
      }
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setPlan(next) {
      plan = next;
    },
    records,
    upstreamBodyBytes: () => records.reduce((sum, record) => sum + record.upstreamBodyBytes, 0),
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
