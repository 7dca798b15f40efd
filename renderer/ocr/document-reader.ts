/**
 * The page's document reader: a thin client of the document-reading worker (reading.worker.ts),
 * which runs the same pipeline as the CLI. Nothing here touches pixels, so the clerk's screen stays
 * responsive while scans are read. Create one per app session and reuse it: the workers stay warm.
 */
import { DocumentInputError } from '../../shared/document-reading/input-file';
import type { DocumentReadingResult } from '../../shared/document-reading/read-id-document';
import type { FormReading } from '../../shared/document-reading/form-reading';
import type { ReadingError, ReadingRequest, WorkerInbound, WorkerOutbound } from './reading-protocol';
import type { DocumentFile, DocumentReader, ReadPages } from './reading-service';
import type { SignedFormOnFile } from './signed-form-search';

export type { DocumentFile, DocumentReader, ReadPages } from './reading-service';

function rebuilt(error: ReadingError): Error {
  return error.input ? new DocumentInputError(error.input.code, error.input.file, error.input.params) : new Error(error.message);
}

export interface PageDocumentReader extends DocumentReader {
  /** The code of a prefilled form on a captured file, and its signature box (signed-form-search.ts). */
  findSignedForm(file: DocumentFile): Promise<SignedFormOnFile>;
  /** Starts the worker (its modules, no OCR worker yet), so the first captured file does not wait for it. */
  prepare(): void;
}

export function createDocumentReader(): PageDocumentReader {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let worker: Worker | null = null;

  /** A page (1-based) of a TIFF as a bitmap for the screen: Chromium cannot decode TIFF, utif2 does it off the page's thread. */
  tiffPage(file: DocumentFile, page: number): Promise<{ bitmap: ImageBitmap; pageCount: number }>;
  const start = (): Worker => {
    const started = new Worker(new URL('./reading.worker.ts', import.meta.url), { type: 'module', name: 'document-reading' });
    started.onmessage = (event: MessageEvent<WorkerOutbound>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(rebuilt(reply.error));
    };
    // The worker could not start or broke: what it was reading fails (the clerk is told and can
    // read again) instead of hanging, and the next request starts a fresh worker.
    started.onerror = (event) => {
      event.preventDefault();
      const failure = new Error(`document-reading worker failed: ${event.message || 'could not start'}`);
      for (const waiting of pending.values()) waiting.reject(failure);
      pending.clear();
      started.terminate();
      if (worker === started) worker = null;
    };
    started.postMessage({ kind: 'init', assetBase: document.baseURI } satisfies WorkerInbound);
    return started;
  };

  const ask = <T>(request: ReadingRequest): Promise<T> => {
    worker ??= start();
    const target = worker;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.postMessage({ kind: 'request', id, request } satisfies WorkerInbound);
    });
  };

  return {
    read: (files, today) => ask<DocumentReadingResult & ReadPages>({ op: 'read', files, today }),
    readForm: (files, template) => ask<FormReading & ReadPages>({ op: 'readForm', files, template }),
    findSignedForm: (file) => ask<SignedFormOnFile>({ op: 'findSignedForm', file }),
    warmUp: () => ask<void>({ op: 'warmUp' }),
    prepare() {
      worker ??= start();
    },
    async terminate() {
      if (!worker) return;
      await ask<void>({ op: 'terminate' }).catch(() => undefined);
      worker?.terminate();
      worker = null;
    },
  };
}

let sessionReader: PageDocumentReader | null = null;

/** One reader for the whole app session: its workers stay warm from one applicant to the next. */
export function sessionDocumentReader(): PageDocumentReader {
  sessionReader ??= createDocumentReader();
  return sessionReader;
}
    tiffPage: (file, page) => ask<{ bitmap: ImageBitmap; pageCount: number }>({ op: 'tiffPage', file, page }),
