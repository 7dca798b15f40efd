/**
 * Messages between the page and the document-reading worker. Bad input keeps its code and
 * parameters across the boundary, so the page rebuilds the same DocumentInputError (and the same
 * Italian message) the reading threw.
 */
import type { FormTemplate } from '../../shared/document-reading/form-template';
import type { InputErrorCode } from '../../shared/document-reading/input-file';
import type { DocumentFile } from './reading-service';

export type ReadingRequest =
  | { op: 'read'; files: DocumentFile[]; today: string }
  | { op: 'readForm'; files: DocumentFile[]; template: FormTemplate }
  | { op: 'findSignedForm'; file: DocumentFile }
  | { op: 'tiffPage'; file: DocumentFile; page: number }
  | { op: 'warmUp' }
  | { op: 'terminate' };

export interface ReadingError {
  message: string;
  input?: { code: InputErrorCode; file: string; params: Record<string, string | number> };
}

export type WorkerInbound = { kind: 'init'; assetBase: string } | { kind: 'request'; id: number; request: ReadingRequest };

export type WorkerOutbound = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ReadingError };
