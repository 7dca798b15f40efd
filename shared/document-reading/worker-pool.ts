/**
 * A fixed-size pool of OCR workers shared by the browser and Node adapters: jobs queue up, each
 * worker runs one job at a time, and a worker is replaced after `recycleAfter` jobs because
 * tesseract's WebAssembly heap only grows. A worker whose job fails, or does not answer within
 * `jobTimeoutMs` (tesseract.js never settles a job whose worker died), is stopped and replaced,
 * and the job is run once more on the fresh worker; a second failure is the caller's.
 */

export interface PooledWorker {
  terminate(): Promise<unknown>;
}

export interface WorkerPool<W extends PooledWorker> {
  run<T>(job: (worker: W) => Promise<T>): Promise<T>;
  /** Starts every worker now, so the first document does not pay for it. */
  warmUp(): Promise<void>;
  terminate(): Promise<void>;
}

interface Slot<W> {
  worker: Promise<W> | null;
  jobs: number;
  busy: boolean;
}

/** Far above one recognition (a second or two for a card, seconds for a page on a busy machine). */
const JOB_TIMEOUT_MS = 120_000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`OCR worker did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export function createWorkerPool<W extends PooledWorker>(create: () => Promise<W>, size: number, recycleAfter = 100, jobTimeoutMs = JOB_TIMEOUT_MS): WorkerPool<W> {
  const slots: Slot<W>[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, jobs: 0, busy: false }));
  const waiting: Array<(slot: Slot<W>) => void> = [];
  let closed = false;

  const workerOf = (slot: Slot<W>): Promise<W> => {
    if (!slot.worker) {
      const starting = create();
      // A failed start must not poison the slot for the next job.
      starting.catch(() => {
        if (slot.worker === starting) slot.worker = null;
      });
      slot.worker = starting;
    }
    return slot.worker;
  };

  const acquire = (): Promise<Slot<W>> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  const retire = (slot: Slot<W>): void => {
    const old = slot.worker;
    slot.worker = null;
    slot.jobs = 0;
    void old?.then((w) => w.terminate()).catch(() => undefined);
  };

  const attempt = async <T>(slot: Slot<W>, job: (worker: W) => Promise<T>): Promise<T> => {
    try {
      return await withDeadline(workerOf(slot).then(job), jobTimeoutMs);
    } catch (error) {
      retire(slot);
      throw error;
    }
  };

  const release = (slot: Slot<W>): void => {
    slot.jobs += 1;
    if (slot.jobs >= recycleAfter) retire(slot);
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };

  return {
    async run(job) {
      if (closed) throw new Error('worker pool terminated');
      const slot = await acquire();
      try {
        return await attempt(slot, job).catch(() => {
          if (closed) throw new Error('worker pool terminated');
          return attempt(slot, job);
        });
      } finally {
        release(slot);
      }
    },
    async warmUp() {
      await Promise.all(slots.map((slot) => workerOf(slot)));
    },
    async terminate() {
      closed = true;
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = null;
          if (w) await (await w).terminate();
        }),
      );
    },
  };
}
