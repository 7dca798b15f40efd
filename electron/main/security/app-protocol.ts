import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.pdf': 'application/pdf',
};

/**
 * Maps an app:// URL to a file inside `root`, or null. Refuses other hosts, traversal in any
 * spelling (`..`, `%2e%2e`, `%2f`, backslashes), absolute paths and NUL bytes.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  // URL parsing silently collapses dot segments; a request that carried any is refused outright.
  const rawPath = requestUrl.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0];
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawPath) || rawPath.includes('//')) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  if (/%2f|%5c|%00/i.test(url.pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  if (resolved !== resolvedRoot && !resolved.startsWith(resolvedRoot + path.sep)) return null;
  return resolved;
}

export interface AppProtocolDeps {
  root: string;
  readFile: (absolutePath: string) => Promise<Uint8Array>;
  contentSecurityPolicy: () => string;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The app:// handler as a plain `(Request) => Response` function, registered with `protocol.handle`. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Metodo non consentito', { status: 405, headers: SECURITY_HEADERS });
    }
    const filePath = resolveAppPath(deps.root, request.url);
    if (!filePath) return new Response('Percorso non consentito', { status: 403, headers: SECURITY_HEADERS });
    let body: Uint8Array;
    try {
      body = await deps.readFile(filePath);
    } catch {
      return new Response('Non trovato', { status: 404, headers: SECURITY_HEADERS });
    }
    const type = MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Blob([body as BlobPart]), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(body.byteLength), 'Content-Security-Policy': deps.contentSecurityPolicy() },
    });
  };
}
