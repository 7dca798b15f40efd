import type { IncomingMessage, ServerResponse } from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { SERVER_TIME_HEADER, UPLOADS_PATH } from '../../shared/central-api/protocol';
import { UploadMetadata } from '../../shared/central-api/uploads';
import type { CentralErrorCode } from '../../shared/central-api/errors';
import type { WorkstationWithOffice } from '../storage/repository';
import { ApiError } from './api-error';
import { sha256OfFile } from './attachment-archive';

type TusRequest = Parameters<NonNullable<ConstructorParameters<typeof Server>[0]['onUploadCreate']>>[0];

/** Server-side metadata keys: set by the service on creation, whatever the client sent. */
const OWNER_OFFICE = 'officeCode';
const OWNER_WORKSTATION = 'workstationId';

/** @tus/server expects thrown `{ status_code, body }`; ours carry the JSON error body. */
function tusRefusal(code: CentralErrorCode) {
  const error = new ApiError(code);
  return { status_code: error.status, body: JSON.stringify(error.body) };
}

/** Plain-text refusals of @tus/server mapped onto stable codes, by status. */
const tusStatusCodes: Record<number, CentralErrorCode> = {
  404: 'UPLOAD_NOT_FOUND',
  409: 'UPLOAD_OFFSET_CONFLICT',
  410: 'UPLOAD_EXPIRED',
  413: 'UPLOAD_TOO_LARGE',
};

export interface TusEndpointOptions {
  uploadDir: string;
  maxAttachmentBytes: number;
  expiryMs: number;
  isAllowedOrigin: (origin: string) => boolean;
  clock: () => Date;
  /** Per workstation: unfinished uploads it may hold open, and their declared bytes together. */
  maxOpenUploads: number;
  maxOpenUploadBytes: number;
}

/**
 * The resumable attachment endpoint, served by @tus/server with its file store. Each upload belongs
 * to the office of the workstation that created it; a finished upload whose bytes do not hash to
 * the declared `sha256` is deleted and refused (ATTACHMENT_HASH_MISMATCH) so the client re-sends it.
 */
export function createTusEndpoint(options: TusEndpointOptions) {
  const store = new FileStore({ directory: options.uploadDir, expirationPeriodInMilliseconds: options.expiryMs });
  // Authentication happens before a request reaches tus; the hooks find the principal here.
  const principals = new WeakMap<IncomingMessage, WorkstationWithOffice>();
  const principalOf = (req: TusRequest): WorkstationWithOffice => {
    const node = (req as { runtime?: { node?: { req: IncomingMessage } } }).runtime?.node?.req;
    const principal = node && principals.get(node);
    if (!principal) throw tusRefusal('UNAUTHENTICATED');
    return principal;
  };

  // Unfinished uploads by workstation (upload id → declared size), rebuilt from the store at start.
  const open = new Map<string, Map<string, number>>();
  const forget = (uploadId: string) => {
    for (const uploads of open.values()) uploads.delete(uploadId);
  };
  async function countOpenUploads(): Promise<void> {
    open.clear();
    for (const name of await fs.readdir(options.uploadDir)) {
      if (!name.endsWith('.json')) continue;
      const upload = await store.getUpload(name.slice(0, -'.json'.length)).catch(() => null);
      const owner = upload?.metadata?.[OWNER_WORKSTATION];
      if (!upload || !owner || !upload.size || upload.offset === upload.size) continue;
      open.set(owner, (open.get(owner) ?? new Map<string, number>()).set(upload.id, upload.size));
    }
  }

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    // Relative Location: a client behind a proxy (or the fault proxy in tests) keeps talking through it.
    relativeLocation: true,
    maxSize: options.maxAttachmentBytes,
    disableTerminationForFinishedUploads: true,
    allowedOrigins: options.isAllowedOrigin,
    exposedHeaders: [SERVER_TIME_HEADER],
    async onIncomingRequest(req, uploadId) {
      const principal = principalOf(req);
      if (req.method === 'POST') return;
      const upload = await store.getUpload(uploadId);
      if (upload.metadata?.[OWNER_OFFICE] !== principal.officeCode) throw tusRefusal('UPLOAD_NOT_FOUND');
    },
    async onUploadCreate(req, upload) {
      const principal = principalOf(req);
      const parsed = UploadMetadata.safeParse(upload.metadata ?? {});
      if (!parsed.success || upload.sizeIsDeferred || !upload.size) throw tusRefusal('UPLOAD_METADATA_INVALID');
      const mine = open.get(principal.workstationId) ?? new Map<string, number>();
      const declared = [...mine.values()].reduce((sum, size) => sum + size, 0);
      if (mine.size >= options.maxOpenUploads || declared + upload.size > options.maxOpenUploadBytes) throw tusRefusal('TOO_MANY_OPEN_UPLOADS');
      mine.set(upload.id, upload.size);
      open.set(principal.workstationId, mine);
      return { metadata: { ...upload.metadata, [OWNER_OFFICE]: principal.officeCode, [OWNER_WORKSTATION]: principal.workstationId } };
    },
    async onUploadFinish(_req, upload) {
      forget(upload.id);
      const file = path.join(options.uploadDir, upload.id);
      if ((await sha256OfFile(file)) !== upload.metadata?.sha256) {
        await store.remove(upload.id);
        throw tusRefusal('ATTACHMENT_HASH_MISMATCH');
      }
      return {};
    },
    onResponseError(_req, error) {
      if ('status_code' in error && error.body.startsWith('{')) return undefined;
      const status = 'status_code' in error ? error.status_code : 500;
      const code = tusStatusCodes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'UPLOAD_PROTOCOL_ERROR');
      return { status_code: status, body: JSON.stringify(new ApiError(code).body) };
    },
  });

  return {
    /** Handles a request under UPLOADS_PATH on behalf of an authenticated workstation (null for CORS preflight). */
    async handle(req: IncomingMessage, res: ServerResponse, principal: WorkstationWithOffice | null): Promise<void> {
      if (principal) principals.set(req, principal);
      await tus.handle(req, res);
    },
    /** The finished upload a case points at, if it belongs to the office. */
    async findUpload(uploadId: string, officeCode: string): Promise<{ upload: Upload; file: string } | null> {
      try {
        const upload = await store.getUpload(uploadId);
        if (upload.metadata?.[OWNER_OFFICE] !== officeCode) return null;
        return { upload, file: path.join(options.uploadDir, upload.id) };
      } catch {
        return null;
      }
    },
    async discard(uploadId: string): Promise<void> {
      forget(uploadId);
      await store.remove(uploadId).catch(() => undefined);
    },
    /** Counts the unfinished uploads already in the store, by workstation (at start). */
    countOpenUploads,
    /**
     * Deletes unfinished uploads past expiry (@tus/server) and finished ones past expiry that no case
     * took (a commit copies its attachments into the archive, so nothing acknowledged depends on them).
     */
    async removeExpired(): Promise<number> {
      let removed = await tus.cleanUpExpiredUploads();
      await countOpenUploads();
      const cutoff = options.clock().getTime() - options.expiryMs;
      for (const name of await fs.readdir(options.uploadDir)) {
        if (!name.endsWith('.json')) continue;
        const upload = await store.getUpload(name.slice(0, -'.json'.length)).catch(() => null);
        if (upload && upload.offset === upload.size && Date.parse(upload.creation_date ?? '') < cutoff) {
          await store.remove(upload.id).catch(() => undefined);
          removed += 1;
        }
      }
      return removed;
    },
  };
}

export type TusEndpoint = ReturnType<typeof createTusEndpoint>;
