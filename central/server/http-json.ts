import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

/**
 * Reads a JSON body of at most `limit` bytes. A declared or actual oversize body is refused with
 * 413 without buffering it; the connection is then closed rather than drained.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new ApiError('PAYLOAD_TOO_LARGE');
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    if (declared === 0 || (!type && Number.isNaN(declared) && !req.headers['transfer-encoding'])) return undefined;
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError('PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('INVALID_JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  // A refused request body may still be streaming in: do not keep the connection for the next request.
  if (error.status === 413 || error.status === 415) res.setHeader('Connection', 'close');
  sendJson(res, error.status, error.body);
}
