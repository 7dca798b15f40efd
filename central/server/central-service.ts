import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { z } from 'zod';
import { SERVER_TIME_HEADER, UPLOADS_PATH } from '../../shared/central-api/protocol';
import { centralRoutes, type RouteSpec } from '../../shared/central-api/routes';
import type { CentralRepository, WorkstationWithOffice } from '../storage/repository';
import { ApiError } from './api-error';
import { createRateLimiter } from './rate-limit';
import { createApiHandlers } from './api-handlers';
import { createAttachmentArchive } from './attachment-archive';
import { isAllowedOrigin, type CentralConfig } from './config';
import { readJsonBody, sendError, sendJson } from './http-json';
import type { FileOutput } from './route-types';
import { matchRoute } from './router';
import { bearerToken, hashSecret, secretsEqual } from './tokens';
import { createTusEndpoint } from './tus-endpoint';

/** One line per request: never a body, a query or a header value (they can carry personal data). */
export interface RequestLogEntry {
  time: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  error?: string;
}

export interface CentralServiceDeps {
  config: CentralConfig & { adminToken: string };
  repository: CentralRepository;
  clock?: () => Date;
  log?: (entry: RequestLogEntry) => void;
}

export interface RunningCentralService {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /** Runs the hourly sweep of expired uploads now; returns how many were deleted. */
  sweepExpiredUploads(): Promise<number>;
  close(): Promise<void>;
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError(
    'INVALID_REQUEST',
    result.error.issues.slice(0, 50).map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), issue: issue.message.slice(0, 300) })),
  );
}

const CORS_ALLOW_HEADERS = 'Authorization, Content-Type';
const CORS_EXPOSE_HEADERS = SERVER_TIME_HEADER;

/** Starts the central service: JSON routes of the contract plus the tus upload endpoint, on HTTP (loopback) or HTTPS. */
export async function startCentralService(deps: CentralServiceDeps): Promise<RunningCentralService> {
  const { config, repository } = deps;
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((entry) => process.stdout.write(`${JSON.stringify(entry)}\n`));
  const uploadDir = path.join(config.dataDir, 'uploads');
  const archive = createAttachmentArchive(path.join(config.dataDir, 'attachments'));
  for (const dir of [uploadDir, path.join(config.dataDir, 'attachments')]) {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.chmod(dir, 0o700);
  }
  const originAllowed = (origin: string) => isAllowedOrigin(config, origin);
  const uploads = createTusEndpoint({
    uploadDir,
    maxAttachmentBytes: config.maxAttachmentBytes,
    expiryMs: config.uploadExpiryHours * 3_600_000,
    isAllowedOrigin: originAllowed,
    clock,
    maxOpenUploads: config.maxOpenUploadsPerWorkstation,
    maxOpenUploadBytes: config.maxOpenUploadBytesPerWorkstation,
  });
  await uploads.countOpenUploads();
  const handlers = createApiHandlers({ repository, archive, uploads, clock });
  const limiters = {
    enroll: createRateLimiter({ limit: config.enrollmentsPerMinute, windowMs: 60_000, clock: () => clock().getTime() }),
    admin: createRateLimiter({ limit: config.adminRequestsPerMinute, windowMs: 60_000, clock: () => clock().getTime() }),
  };

  function limitRate(req: IncomingMessage, res: ServerResponse, kind: keyof typeof limiters): void {
    const decision = limiters[kind].take(req.socket.remoteAddress ?? 'unknown');
    if (decision.allowed) return;
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new ApiError('RATE_LIMITED');
  }

  async function authenticateWorkstation(req: IncomingMessage): Promise<WorkstationWithOffice> {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new ApiError('UNAUTHENTICATED');
    const workstation = await repository.findWorkstationByTokenHash(hashSecret(token));
    if (!workstation) throw new ApiError('UNAUTHENTICATED');
    if (workstation.revokedAt) throw new ApiError('TOKEN_REVOKED');
    return workstation;
  }

  function authenticateAdmin(req: IncomingMessage): void {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new ApiError('UNAUTHENTICATED');
    if (!secretsEqual(token, config.adminToken)) throw new ApiError('FORBIDDEN');
  }

  function applyCors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!origin || !originAllowed(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
  }

  async function sendFile(res: ServerResponse, output: FileOutput): Promise<void> {
    res.statusCode = 200;
    res.setHeader('Content-Type', output.mediaType);
    res.setHeader('Content-Length', output.size);
    res.setHeader('Cache-Control', 'no-store');
    await new Promise<void>((resolve, reject) => {
      createReadStream(output.file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, named: (route: string) => void): Promise<void> {
    // Set before authentication so a browser can read a refusal (401 TOKEN_REVOKED) too; tus overrides them on its own answers.
    applyCors(req, res);
    if (url.pathname === UPLOADS_PATH || url.pathname.startsWith(`${UPLOADS_PATH}/`)) {
      named('uploads');
      const principal = req.method === 'OPTIONS' ? null : await authenticateWorkstation(req);
      await uploads.handle(req, res, principal);
      return;
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');
      res.setHeader('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
      named('preflight');
      return;
    }
    const match = matchRoute(req.method ?? '', url.pathname);
    if (match.kind === 'not-found') throw new ApiError('NOT_FOUND');
    if (match.kind === 'method-not-allowed') throw new ApiError('METHOD_NOT_ALLOWED');
    named(match.id);
    const spec: RouteSpec = centralRoutes[match.id];
    if (match.id === 'enroll') limitRate(req, res, 'enroll');
    if (spec.auth === 'admin') limitRate(req, res, 'admin');
    let principal: WorkstationWithOffice | null = null;
    if (spec.auth === 'workstation') principal = await authenticateWorkstation(req);
    if (spec.auth === 'admin') authenticateAdmin(req);
    const params = parseWith(spec.params, match.params, 'params');
    const query = parseWith(spec.query, Object.fromEntries(url.searchParams), 'query');
    const body = spec.body ? parseWith(spec.body, (await readJsonBody(req, config.maxJsonBytes)) ?? {}, 'body') : undefined;
    const handler = handlers[match.id] as (input: unknown) => Promise<{ status: number; body?: unknown } | FileOutput>;
    const output = await handler({ params, query, body, principal });
    if ('file' in output) await sendFile(res, output);
    else sendJson(res, output.status, output.body);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    res.setHeader(SERVER_TIME_HEADER, clock().toISOString());
    let routeName = 'unknown';
    let failure: string | undefined;
    try {
      await route(req, res, new URL(req.url ?? '/', 'http://central.invalid'), (name) => (routeName = name));
    } catch (error) {
      if (error instanceof ApiError) {
        failure = error.code;
      } else {
        failure = `INTERNAL_ERROR ${error instanceof Error ? error.name : 'unknown'}`;
      }
      if (!res.headersSent) sendError(res, error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR'));
      else res.destroy();
    }
    log({ time: new Date().toISOString(), method: req.method ?? '', route: routeName, status: res.statusCode, ms: Math.round(performance.now() - started), ...(failure ? { error: failure } : {}) });
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => void onRequest(req, res);
  const server = config.tls
    ? https.createServer({ cert: await fs.readFile(config.tls.certPath), key: await fs.readFile(config.tls.keyPath) }, listener)
    : http.createServer(listener);
  // Slow counters on poor links upload large scans: allow long requests, but not idle sockets forever.
  server.requestTimeout = 10 * 60_000;
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const expirySweep = setInterval(() => void uploads.removeExpired().catch(() => undefined), 3_600_000);
  expirySweep.unref();

  return {
    url: `${config.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    sweepExpiredUploads: () => uploads.removeExpired(),
    async close() {
      clearInterval(expirySweep);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
