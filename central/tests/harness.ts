import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Upload } from 'tus-js-client';
import type { CaseSubmission } from '../../shared/central-api/cases';
import { CASE_CATEGORY, UPLOADS_PATH } from '../../shared/central-api/protocol';
import { startCentralService, type RequestLogEntry, type RunningCentralService } from '../server/central-service';
import { readCentralConfig } from '../server/config';
import type { CentralRepository } from '../storage/repository';
import { openSqliteRepository } from '../storage/sqlite-repository';

/** Test support for the central service: a real server on loopback, a real SQLite file in a temp dir. */

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestCentral extends RunningCentralService {
  dataDir: string;
  repository: CentralRepository;
  logs: RequestLogEntry[];
  /** Moves the service clock (enrollment code expiry, protocol years). */
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

export async function makeTempDir(prefix = 'central-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function startTestCentral(options: { env?: NodeJS.ProcessEnv; repository?: CentralRepository; dataDir?: string } = {}): Promise<TestCentral> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const config = readCentralConfig({ CENTRAL_PORT: '0', CENTRAL_DATA_DIR: dataDir, CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN, ...options.env }, process.cwd());
  const repository = options.repository ?? openSqliteRepository(path.join(dataDir, 'central.sqlite'));
  const logs: RequestLogEntry[] = [];
  let offset = 0;
  const service = await startCentralService({
    config: { ...config, adminToken: ADMIN_TOKEN },
    repository,
    clock: () => new Date(Date.now() + offset),
    log: (entry) => logs.push(entry),
  });
  return {
    ...service,
    dataDir,
    repository,
    logs,
    advanceClock: (ms) => (offset += ms),
    async stop() {
      await service.close();
      await repository.close();
    },
  };
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(baseUrl: string, method: string, route: string, options: { token?: string; body?: unknown } = {}): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test looks at the raw text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Creates the office if needed and enrolls one workstation; returns its token. */
export async function enrollWorkstation(baseUrl: string, officeCode: string, workstationName = 'Sportello 1'): Promise<{ token: string; workstationId: string }> {
  await call(baseUrl, 'PUT', `/api/v1/admin/offices/${officeCode}`, { token: ADMIN_TOKEN, body: { name: `Sede ${officeCode}` } });
  const issued = await call<{ enrollmentCode: string }>(baseUrl, 'POST', `/api/v1/admin/offices/${officeCode}/enrollment-codes`, { token: ADMIN_TOKEN, body: {} });
  const enrolled = await call<{ token: string; workstationId: string }>(baseUrl, 'POST', '/api/v1/enrollments', {
    body: { officeCode, enrollmentCode: issued.body.enrollmentCode, workstationName },
  });
  if (enrolled.status !== 201) throw new Error(`enrollment failed: ${enrolled.status}`);
  return enrolled.body;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface AttachmentFile {
  attachmentId: string;
  role: 'form' | 'id-front' | 'id-back' | 'other';
  mediaType: 'application/pdf' | 'image/jpeg';
  bytes: Buffer;
}

export function sampleAttachments(sizes: readonly number[] = [40_000, 30_000, 30_000]): AttachmentFile[] {
  const roles = ['form', 'id-front', 'id-back'] as const;
  return sizes.map((size, index) => ({
    attachmentId: roles[index] ?? `other-${index}`,
    role: roles[index] ?? 'other',
    mediaType: index === 0 ? 'application/pdf' : 'image/jpeg',
    bytes: randomBytes(size),
  }));
}

/** Uploads one attachment with tus-js-client (as the outbox will) and returns the upload id. */
export function uploadAttachment(
  endpointBase: string,
  token: string,
  caseId: string,
  file: AttachmentFile,
  options: { chunkSize?: number; retryDelays?: number[]; declaredSha256?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(file.bytes, {
      endpoint: `${endpointBase}${UPLOADS_PATH}`,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { caseId, attachmentId: file.attachmentId, sha256: options.declaredSha256 ?? sha256(file.bytes), filename: `${file.attachmentId}.bin`, filetype: file.mediaType },
      chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: options.retryDelays ?? [],
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(new URL(upload.url as string).pathname.split('/').pop() as string),
      onError: reject,
    });
    upload.start();
  });
}

export function buildSubmission(caseId: string, files: AttachmentFile[], uploadIds: string[], overrides: Partial<CaseSubmission> = {}): CaseSubmission {
  return {
    caseId,
    caseNumber: 'RM01-20261123-0001',
    category: CASE_CATEGORY,
    priority: 'normal',
    profile: 'MEDICO_ESTERNO',
    formFields: { cognome: 'ROSSI', nome: 'MARIO', codice_fiscale: 'RSSMRA85D12H501Z', data_nascita: '12/04/1985', email: 'mario.rossi@example.it' },
    decision: { outcome: 'accepted', reasons: [], decidedAt: '2026-11-23T10:00:00.000Z', clerkId: 'clerk-01' },
    clientCreatedAt: '2026-11-23T09:55:00.000+01:00',
    attachments: files.map((file, index) => ({
      attachmentId: file.attachmentId,
      role: file.role,
      fileName: `${file.attachmentId}.${file.mediaType === 'application/pdf' ? 'pdf' : 'jpg'}`,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
      uploadId: uploadIds[index],
    })),
    ...overrides,
  };
}

/** Uploads every attachment and puts the case; returns the final response and what was sent. */
export async function sendCase(baseUrl: string, token: string, files = sampleAttachments(), caseId: string = randomUUID()) {
  const uploadIds: string[] = [];
  for (const file of files) uploadIds.push(await uploadAttachment(baseUrl, token, caseId, file));
  const submission = buildSubmission(caseId, files, uploadIds);
  const response = await call(baseUrl, 'PUT', `/api/v1/cases/${caseId}`, { token, body: submission });
  return { caseId, files, submission, response };
}
