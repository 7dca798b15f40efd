/**
 * The page's document reader: a thin client of the document-reading worker (reading.worker.ts),
 * which runs the same pipeline as the CLI. Nothing here touches pixels, so the clerk's screen stays
 * responsive while scans are read. Create one per app session and reuse it: the workers stay warm.
 */
import { DocumentInputError } from '../../shared/document-reading/input-file';
import { translate } from '../../shared/i18n/translate';
import type { DocumentReadingResult } from '../../shared/document-reading/read-id-document';
import type { FormReading } from '../../shared/document-reading/form-reading';
import type { ReadingError, ReadingRequest, WorkerInbound, WorkerOutbound } from './reading-protocol';
import type { DocumentFile, DocumentReader, ReadPages } from './reading-service';
import type { SignedFormOnFile } from './signed-form-search';

export type { DocumentFile, DocumentReader, ReadPages } from './reading-service';

function rebuilt(error: ReadingError): Error {
  return error.input ? new DocumentInputError(error.input.code, error.input.file, error.input.params) : new Error(error.message);
}

/** The reading worker stopped (it broke, or hung and was stopped) twice under the same request. */
export class ReadingStoppedError extends Error {
  constructor() {
    super(translate('it', 'documentReading.error.readerStopped'));
    this.name = 'ReadingStoppedError';
  }
}

export interface PageDocumentReader extends DocumentReader {
  /** The code of a prefilled form on a captured file, and its signature box (signed-form-search.ts). */
  findSignedForm(file: DocumentFile): Promise<SignedFormOnFile>;
  /** A page (1-based) of a TIFF as a bitmap for the screen: Chromium cannot decode TIFF, utif2 does it off the page's thread. */
  tiffPage(file: DocumentFile, page: number): Promise<{ bitmap: ImageBitmap; pageCount: number }>;
  /** Starts the worker (its modules, no OCR worker yet), so the first captured file does not wait for it. */
  prepare(): void;
}

export interface DocumentReaderOptions {
  /** A request not answered in this time means the worker hangs: it is stopped and replaced. */
  hangTimeoutMs?: number;
}

/** Far above any real reading (a few seconds per ID, tens for a long PDF on a busy machine). */
const HANG_TIMEOUT_MS = 180_000;

interface Pending {
  request: ReadingRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Already sent again once, to a fresh worker, after the first one stopped under it. */
  retried: boolean;
  watchdog: ReturnType<typeof setTimeout>;
}

export function createDocumentReader(options: DocumentReaderOptions = {}): PageDocumentReader {
  const hangTimeoutMs = options.hangTimeoutMs ?? HANG_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;

  /**
   * The worker broke (an `error` event: it could not start, or an error escaped it) or hangs: it
   * is stopped, each request it held is sent once more to a fresh worker, and a request that
   * already had its second chance fails with an Italian message (the clerk can read again or type
   * the data; the scans are not touched by reading).
   */
  const lose = (lost: Worker) => {
    lost.terminate();
    if (worker !== lost) return;
    worker = null;
    const held = [...pending.entries()];
    pending.clear();
    for (const [, entry] of held) {
      clearTimeout(entry.watchdog);
      if (entry.retried) entry.reject(new ReadingStoppedError());
      else send({ ...entry, retried: true });
    }
  };

  const start = (): Worker => {
    const started = new Worker(new URL('./reading.worker.ts', import.meta.url), { type: 'module', name: 'document-reading' });
    started.onmessage = (event: MessageEvent<WorkerOutbound>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      clearTimeout(waiting.watchdog);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(rebuilt(reply.error));
    };
    started.onerror = (event) => {
      event.preventDefault();
      lose(started);
    };
    started.onmessageerror = () => lose(started);
    started.postMessage({ kind: 'init', assetBase: document.baseURI } satisfies WorkerInbound);
    return started;
  };

  const send = (entry: Omit<Pending, 'watchdog'>) => {
    worker ??= start();
    const target = worker;
    const id = nextId++;
    pending.set(id, { ...entry, watchdog: setTimeout(() => lose(target), hangTimeoutMs) });
    target.postMessage({ kind: 'request', id, request: entry.request } satisfies WorkerInbound);
  };

  const ask = <T>(request: ReadingRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => send({ request, resolve: resolve as (value: unknown) => void, reject, retried: false }));

  return {
    read: (files, today) => ask<DocumentReadingResult & ReadPages>({ op: 'read', files, today }),
    readForm: (files, template) => ask<FormReading & ReadPages>({ op: 'readForm', files, template }),
    findSignedForm: (file) => ask<SignedFormOnFile>({ op: 'findSignedForm', file }),
    tiffPage: (file, page) => ask<{ bitmap: ImageBitmap; pageCount: number }>({ op: 'tiffPage', file, page }),
    warmUp: () => ask<void>({ op: 'warmUp' }),
    prepare() {
      worker ??= start();
    },
    async terminate() {
      if (!worker) return;
      await ask<void>({ op: 'terminate' }).catch(() => undefined);
      worker?.terminate();
      worker = null;
      for (const entry of pending.values()) {
        clearTimeout(entry.watchdog);
        entry.reject(new ReadingStoppedError());
      }
      pending.clear();
    },
  };
}

let sessionReader: PageDocumentReader | null = null;

/** One reader for the whole app session: its workers stay warm from one applicant to the next. */
export function sessionDocumentReader(): PageDocumentReader {
  sessionReader ??= createDocumentReader();
  return sessionReader;
}
