import path from 'node:path';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface CentralConfig {
  host: string;
  port: number;
  /** Holds the SQLite file, in-progress tus uploads and the attachment archive. */
  dataDir: string;
  /** Null: main.ts creates one in the data directory on first start. */
  adminToken: string | null;
  tls: { certPath: string; keyPath: string } | null;
  database: DatabaseConfig;
  maxJsonBytes: number;
  maxAttachmentBytes: number;
  /** Unfinished tus uploads older than this are answered 410 and deleted. */
  uploadExpiryHours: number;
  /** Origins a renderer may call from (CORS). */
  allowedOrigins: string[];
  /** Requests per minute and client address: enrolment (guessing activation codes) and admin routes. */
  enrollmentsPerMinute: number;
  adminRequestsPerMinute: number;
  /** Unfinished tus uploads one workstation may hold open, and their declared bytes together. */
  maxOpenUploadsPerWorkstation: number;
  maxOpenUploadBytesPerWorkstation: number;
}

export class ConfigError extends Error {}

/** The renderer's origin in Electron (electron/main/security/app-origin.ts). */
const ELECTRON_APP_ORIGIN = 'app://sportello';

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return value;
}

/**
 * Reads the configuration from environment variables (all optional: the defaults start a loopback
 * service with an embedded database under ./.central-data). Plain HTTP is refused on any address
 * but loopback: a workstation token must never cross a network in clear.
 */
export function readCentralConfig(env: NodeJS.ProcessEnv, cwd: string): CentralConfig {
  const host = env.CENTRAL_HOST || '127.0.0.1';
  const port = env.CENTRAL_PORT === '0' ? 0 : positiveInt(env, 'CENTRAL_PORT', 8787);
  const dataDir = path.resolve(cwd, env.CENTRAL_DATA_DIR || '.central-data');
  const certPath = env.CENTRAL_TLS_CERT;
  const keyPath = env.CENTRAL_TLS_KEY;
  if (Boolean(certPath) !== Boolean(keyPath)) throw new ConfigError('CENTRAL_TLS_CERT and CENTRAL_TLS_KEY must be set together');
  const tls = certPath && keyPath ? { certPath: path.resolve(cwd, certPath), keyPath: path.resolve(cwd, keyPath) } : null;
  if (!tls && !isLoopbackHost(host)) {
    throw new ConfigError(`plain HTTP is only allowed on loopback; set CENTRAL_TLS_CERT and CENTRAL_TLS_KEY to listen on ${host}`);
  }
  const databaseUrl = env.CENTRAL_DATABASE_URL;
  let database: DatabaseConfig;
  if (!databaseUrl) database = { kind: 'sqlite', file: path.join(dataDir, 'central.sqlite') };
  else if (/^postgres(ql)?:\/\//.test(databaseUrl)) database = { kind: 'postgres', url: databaseUrl };
  else throw new ConfigError('CENTRAL_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)');
  const adminToken = env.CENTRAL_ADMIN_TOKEN || null;
  if (adminToken !== null && adminToken.length < 24) throw new ConfigError('CENTRAL_ADMIN_TOKEN must be at least 24 characters');
  const extraOrigins = (env.CENTRAL_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return {
    host,
    port,
    dataDir,
    adminToken,
    tls,
    database,
    maxJsonBytes: positiveInt(env, 'CENTRAL_MAX_JSON_BYTES', 256 * 1024),
    maxAttachmentBytes: positiveInt(env, 'CENTRAL_MAX_ATTACHMENT_BYTES', 25 * 1024 * 1024),
    uploadExpiryHours: positiveInt(env, 'CENTRAL_UPLOAD_EXPIRY_HOURS', 7 * 24),
    allowedOrigins: [ELECTRON_APP_ORIGIN, ...extraOrigins],
    enrollmentsPerMinute: positiveInt(env, 'CENTRAL_ENROLLMENTS_PER_MINUTE', 30),
    adminRequestsPerMinute: positiveInt(env, 'CENTRAL_ADMIN_REQUESTS_PER_MINUTE', 600),
    maxOpenUploadsPerWorkstation: positiveInt(env, 'CENTRAL_MAX_OPEN_UPLOADS', 20),
    maxOpenUploadBytesPerWorkstation: positiveInt(env, 'CENTRAL_MAX_OPEN_UPLOAD_BYTES', 200 * 1024 * 1024),
  };
}

/** Dev web mode serves the renderer from http://127.0.0.1:<port>; accepted only while the service itself is on loopback. */
export function isAllowedOrigin(config: Pick<CentralConfig, 'allowedOrigins' | 'host'>, origin: string): boolean {
  if (config.allowedOrigins.includes(origin)) return true;
  if (!isLoopbackHost(config.host)) return false;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && url.origin === origin;
  } catch {
    return false;
  }
}
