/**
 * The pages of a case's scans as pixels for the screen: an image decoded once, a PDF page rendered
 * with pdf.js, a TIFF page decoded in the document-reading worker (Chromium has no TIFF decoder). Kept while the case is open, so the viewer, the thumbnails and the region crops
 * share one decode per page; attachment ids change when a scan is edited, so nothing goes stale.
 */
import { openPdf } from '../ocr/browser-decode';
import { sessionDocumentReader } from '../ocr/document-reader';
import { openCaseScan } from './open-case-scans';

export interface PageImage {
  bitmap: ImageBitmap;
  pageCount: number;
}

/** PDF points to screen pixels: 144 dpi, sharp at the viewer's usual zoom; `detail` 2 doubles it. */
const PDF_SCREEN_SCALE = 2;

/** 2 renders a PDF page at twice the pixels, for a zoomed-in viewer; images are decoded once either way. */
export type PageDetail = 1 | 2;

/** Pixels per PDF point of a page rendered at `detail`. */
export function pdfPixelsPerPoint(detail: PageDetail): number {
  return PDF_SCREEN_SCALE * detail;
}

const cache = new Map<string, Promise<PageImage>>();

async function render(attachmentId: string, mimeType: string, page: number, detail: PageDetail): Promise<PageImage> {
  const blob = await openCaseScan(attachmentId);
  if (mimeType === 'image/tiff') return sessionDocumentReader().tiffPage({ name: attachmentId, bytes: new Uint8Array(await blob.arrayBuffer()) }, page);
  if (mimeType !== 'application/pdf') return { bitmap: await createImageBitmap(blob, { imageOrientation: 'from-image' }), pageCount: 1 };
  const doc = await openPdf(new Uint8Array(await blob.arrayBuffer()), attachmentId);
  try {
    const pdfPage = await doc.getPage(Math.min(Math.max(1, page), doc.numPages));
    const viewport = pdfPage.getViewport({ scale: pdfPixelsPerPoint(detail) });
    const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await pdfPage.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return { bitmap: canvas.transferToImageBitmap(), pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** One page (1-based) of a scan; a failed render is not kept, so a later call tries again. */
export function pageImage(attachmentId: string, mimeType: string, page = 1, detail: PageDetail = 1): Promise<PageImage> {
  const pdf = mimeType === 'application/pdf';
  const key = pdf ? `${attachmentId}#${page}@${detail}` : mimeType === 'image/tiff' ? `${attachmentId}#${page}` : attachmentId;
  let found = cache.get(key);
  if (!found) {
    found = render(attachmentId, mimeType, page, pdf ? detail : 1);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** Called when the case closes: its pixels leave memory with it. */
export function forgetPageImages(): void {
  for (const image of cache.values()) void image.then((i) => i.bitmap.close(), () => undefined);
  cache.clear();
}
