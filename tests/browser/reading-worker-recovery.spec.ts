/**
 * The document-reading worker breaking mid-read, in Chromium. The test keeps hold of every
 * document-reading worker the page starts (window.Worker wrapped before the reader is created)
 * and breaks one by doing what the browser does when a worker dies: the worker stops and its
 * `error` event reaches the page. A read whose worker broke is sent once more to a fresh worker;
 * broken twice it fails with the Italian message; the next read works on a fresh worker. A hung
 * worker (no answer within the reader's hang timeout) is stopped the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { enterApp, expect, test } from './fixtures';

const corpus = path.resolve('tests/corpus');
const truth = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8')).documents.find((d: { id: string }) => d.id === 'cie-01');
const files = ['cie-01-front.jpg', 'cie-01-back.jpg'].map((name) => ({ name, data: readFileSync(path.join(corpus, 'images', name)).toString('base64') }));

interface WatchedWorker {
  worker: Worker;
  stopped: boolean;
  /** The operations the page asked this worker for (`read`, `readForm`, `findSignedForm`…). */
  ops: string[];
}

/**
 * Wraps window.Worker so the page keeps every document-reading worker in `window.readingWorkers`,
 * with the operations sent to it and whether it was stopped. Runs in the page (no closure).
 */
function watchReadingWorkers(): void {
  const Native = window.Worker;
  const seen: WatchedWorker[] = [];
  (window as unknown as { readingWorkers: WatchedWorker[] }).readingWorkers = seen;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'document-reading') return;
      const entry: WatchedWorker = { worker: this as Worker, stopped: false, ops: [] };
      seen.push(entry);
      const terminate = this.terminate.bind(this);
      this.terminate = () => {
        entry.stopped = true;
        terminate();
      };
      const post = this.postMessage.bind(this) as (message: unknown) => void;
      this.postMessage = ((message: { request?: { op: string } }) => {
        if (message.request) entry.ops.push(message.request.op);
        post(message);
      }) as Worker['postMessage'];
    }
  };
}

/**
 * Breaks document-reading worker `index` once it has been asked to read `reads` IDs, as the
 * browser does when a worker dies: the thread stops and `error` reaches the page.
 */
async function breakReadingWorker(page: Page, index: number, reads = 1): Promise<void> {
  await page.waitForFunction(
    ([i, n]) => ((window as unknown as { readingWorkers: WatchedWorker[] }).readingWorkers[i]?.ops.filter((op) => op === 'read').length ?? 0) >= n,
    [index, reads],
    { polling: 20 },
  );
  await page.evaluate((i) => {
    const { worker } = (window as unknown as { readingWorkers: WatchedWorker[] }).readingWorkers[i];
    worker.terminate();
    worker.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught RangeError: Array buffer allocation failed', cancelable: true }));
  }, index);
}

const workerCount = (page: Page) => page.evaluate(() => (window as unknown as { readingWorkers: WatchedWorker[] }).readingWorkers.length);

test('the reading worker breaks mid-read: the read is retried on a fresh worker; broken twice it fails in Italian; the next read works', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await page.evaluate(watchReadingWorkers);
  // The reads run in the page; the test breaks workers from outside while they are pending.
  await page.evaluate(async (input) => {
    const { createDocumentReader, ReadingStoppedError } = await import('/ocr/document-reader.ts' as string);
    const decoded = input.map((f: { name: string; data: string }) => ({ name: f.name, bytes: Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0)) }));
    const reader = createDocumentReader();
    const outcome: Record<string, unknown> = {};
    (window as unknown as { outcome: Record<string, unknown> }).outcome = outcome;
    void (async () => {
      outcome.retried = (await reader.read(decoded, '2026-11-23')).reading.fields;
      outcome.failure = await reader.read(decoded, '2026-11-23').then(
        () => 'read',
        (error: Error) => (error instanceof ReadingStoppedError ? error.message : `unexpected: ${error.message}`),
      );
      outcome.next = (await reader.read(decoded, '2026-11-23')).reading.fields;
      await reader.terminate();
      outcome.done = true;
    })().catch((error: Error) => (outcome.error = error.message));
  }, files);
  const outcome = () => page.evaluate(() => (window as unknown as { outcome: Record<string, unknown> }).outcome);

  // 1. Broken once under a read: the read is sent again to a fresh worker and succeeds.
  await breakReadingWorker(page, 0);
  await expect.poll(async () => (await outcome()).retried, { timeout: 120_000 }).toEqual(truth.fields);
  // 2. Broken twice under the same read: it fails with the Italian message. Worker 1 has read the
  // first ID (the retry) and now holds the second.
  await breakReadingWorker(page, 1, 2);
  await breakReadingWorker(page, 2);
  await expect.poll(async () => (await outcome()).failure, { timeout: 30_000 }).toMatch(/^La lettura automatica si è interrotta: .*Le scansioni sono salvate/);
  // 3. The next read works, on a fresh worker.
  await expect.poll(async () => (await outcome()).done ?? (await outcome()).error, { timeout: 120_000 }).toBe(true);
  expect((await outcome()).next).toEqual(truth.fields);
  expect(await workerCount(page)).toBe(4);
  expect(await page.evaluate(() => (window as unknown as { readingWorkers: WatchedWorker[] }).readingWorkers.map((w) => w.stopped))).toEqual([true, true, true, true]);
});

test('a hung reading worker is stopped by the hang timeout and replaced; twice hung, the read fails in Italian', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.evaluate(watchReadingWorkers);
  const outcome = await page.evaluate(async (input) => {
    const { createDocumentReader } = await import('/ocr/document-reader.ts' as string);
    const workers = (window as unknown as { readingWorkers: WatchedWorker[] }).readingWorkers;
    const decoded = input.map((f: { name: string; data: string }) => ({ name: f.name, bytes: Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0)) }));
    // No read answers within 1 ms: every worker counts as hung.
    const reader = createDocumentReader({ hangTimeoutMs: 1 });
    const message = await reader.read(decoded, '2026-11-23').then(
      () => 'read',
      (error: Error) => error.message,
    );
    return { message, stopped: workers.map((w) => w.stopped) };
  }, files);
  expect(outcome.message).toMatch(/^La lettura automatica si è interrotta/);
  expect(outcome.stopped).toEqual([true, true]);
});

test('in the intake: the reading worker breaks twice while the ID is read; the clerk is told in Italian, the case keeps its scans, and a page captured again is read', async ({ page }) => {
  test.setTimeout(300_000);
  await page.addInitScript(watchReadingWorkers);
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: 'Medico esterno' }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
  const slots = [
    { role: 'documento-fronte', label: 'Documento di identità – fronte', file: 'cie-01-front.jpg' },
    { role: 'documento-retro', label: 'Documento di identità – retro', file: 'cie-01-back.jpg' },
  ];
  for (const { role, label, file } of slots) {
    const slot = page.locator(`[data-role="${role}"]`);
    await slot.getByLabel(`Scegli file: ${label}`).setInputFiles(path.join(corpus, 'images', file));
    await expect(slot.locator('.thumbnails li')).toHaveCount(1);
  }
  await page.keyboard.press('Alt+3');
  const before = await workerCount(page);
  await breakReadingWorker(page, before - 1);
  await breakReadingWorker(page, before);
  const stopped = page.getByRole('alert').filter({ hasText: 'La lettura automatica si è interrotta' });
  await expect(stopped).toBeVisible({ timeout: 60_000 });
  // The status line does not claim the documents were read.
  await expect(page.getByRole('status').filter({ hasText: 'Lettura terminata, ma non tutto è stato letto' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/reading-worker-stopped.png', fullPage: true });

  // The case and its scans are as they were.
  await page.keyboard.press('Alt+2');
  for (const { role } of slots) await expect(page.locator(`[data-role="${role}"] .thumbnails li`)).toHaveCount(1);
  // A page captured again (a new capture of the same side: other bytes, same picture) is read, on a fresh worker.
  const front = page.locator('[data-role="documento-fronte"]');
  const again = Buffer.concat([readFileSync(path.join(corpus, 'images', 'cie-01-front.jpg')), Buffer.from([0])]);
  await front.getByLabel('Scegli file: Documento di identità – fronte').setInputFiles({ name: 'cie-01-front-again.jpg', mimeType: 'image/jpeg', buffer: again });
  await expect(front.locator('.thumbnails li')).toHaveCount(2);
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 180_000 });
  await expect(stopped).toHaveCount(0);
  expect(await workerCount(page)).toBe(before + 2);
});
