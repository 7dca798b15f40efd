/**
 * OcrEngine over a pool of tesseract.js workers. Only how a worker is created differs between the
 * browser and Node (paths to the worker script, core and language data); the caller passes that in.
 */
import type { Worker as TesseractWorker, Bbox, Page } from 'tesseract.js';
import type { OcrEngine, OcrLine, OcrPage, OcrRequest } from './ocr-engine';
import { encodePgm, type Box } from './raster';
import { createWorkerPool, type WorkerPool } from './worker-pool';

/** tesseract's page segmentation modes: 3 = automatic layout, 6 = one uniform block, 7 = one text line. */
const PAGE_SEG_MODE: Record<OcrRequest['layout'], string> = { auto: '3', block: '6', line: '7' };

function box(b: Bbox): Box {
  return { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 };
}

export function ocrPageFromTesseract(page: Page): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text, confidence: w.confidence, box: box(w.bbox), symbols: (w.symbols ?? []).map((s) => ({ text: s.text, confidence: s.confidence, box: box(s.bbox) })) }));
        if (words.length === 0) continue;
        lines.push({ text: words.map((w) => w.text).join(' '), confidence: line.confidence, box: box(line.bbox), words });
      }
    }
  }
  return { lines: lines.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x) };
}

export interface TesseractOcr extends OcrEngine {
  pool: WorkerPool<TesseractWorker>;
}

export function createTesseractOcr(createWorker: () => Promise<TesseractWorker>, size: number, recycleAfter?: number): TesseractOcr {
  const pool = createWorkerPool(createWorker, size, recycleAfter);
  return {
    pool,
    recognize(request) {
      return pool.run(async (worker) => {
        await worker.setParameters({
          tessedit_pageseg_mode: PAGE_SEG_MODE[request.layout] as never,
          tessedit_char_whitelist: request.whitelist ?? '',
          // tesseract's diagnostics ("Estimating resolution as …") would otherwise go to stderr.
          debug_file: '/dev/null',
          // Documents have no white-on-black text; retrying low-confidence lines inverted costs time.
          tessedit_do_invert: '0',
        } as never);
        const result = await worker.recognize(encodePgm(request.image) as never, {}, { text: false, blocks: true });
        return ocrPageFromTesseract(result.data);
      });
    },
  };
}
