/**
 * Browser decoding of the input files. The header is checked first (format, pixel count of every
 * page), so an oversized image is refused before createImageBitmap decodes it; TIFF pages (which
 * Chromium cannot decode) go through utif2 (tiff-decode.ts); PDF pages go through pdfjs-dist
 * with its worker from the app's origin. Runs in the document-reading worker (no DOM there: pdf.js
 * gets OffscreenCanvas factories and draws glyphs as paths) and in the page (the scan viewer).
 */
import { checkInputFile, DocumentInputError, MAX_IMAGE_PIXELS } from '../../shared/document-reading/input-file';
import { toGray, type GrayRaster } from '../../shared/document-reading/raster';
import type { PdfFieldObjects } from '../../shared/document-reading/form-reading';
import { ocrAssetUrl } from './ocr-assets';
import { decodeTiffGray } from './tiff-decode';

const PDF_RENDER_SCALE = 300 / 72;

async function decodeImage(bytes: Uint8Array, file: string): Promise<GrayRaster> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { imageOrientation: 'from-image' });
  } catch {
    throw new DocumentInputError('corrupt', file);
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new DocumentInputError('corrupt', file);
    context.drawImage(bitmap, 0, 0);
    const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return toGray(rgba.data, rgba.width, rgba.height, 4);
  } finally {
    bitmap.close();
  }
}

interface CanvasEntry {
  canvas: OffscreenCanvas | null;
  context: OffscreenCanvasRenderingContext2D | null;
}

/** pdf.js's scratch canvases without a document. */
class OffscreenCanvasFactory {
  create(width: number, height: number): CanvasEntry {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(entry: CanvasEntry, width: number, height: number): void {
    if (!entry.canvas) throw new Error('canvas is not specified');
    entry.canvas.width = width;
    entry.canvas.height = height;
  }
  destroy(entry: CanvasEntry): void {
    if (entry.canvas) entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }
}

/** pdf.js's SVG filters (transfer maps, high contrast) need a document; scans and forms have none worth it. */
class NoFilterFactory {
  addFilter(): string {
    return 'none';
  }
  addHCMFilter(): string {
    return 'none';
  }
  addAlphaFilter(): string {
    return 'none';
  }
  addLuminosityFilter(): string {
    return 'none';
  }
  addHighlightHCMFilter(): string {
    return 'none';
  }
  destroy(): void {}
}

const withoutDocument = typeof document === 'undefined' ? { CanvasFactory: OffscreenCanvasFactory, FilterFactory: NoFilterFactory, disableFontFace: true, useSystemFonts: false } : {};

/** Loads pdf.js now, so the first PDF captured is not kept waiting for it. */
export function preparePdf(): Promise<unknown> {
  return import('pdfjs-dist');
}

/** Opens a PDF with pdf.js (worker from the app's origin); a password or a broken file is a clear error. */
export async function openPdf(bytes: Uint8Array, file: string) {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = ocrAssetUrl('pdfjs/pdf.worker.min.mjs');
  try {
    return await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, ...withoutDocument } as Parameters<typeof pdfjs.getDocument>[0]).promise;
  } catch (error) {
    throw new DocumentInputError((error as { name?: string }).name === 'PasswordException' ? 'pdfPassword' : 'pdfMalformed', file);
  }
}

async function decodePdf(bytes: Uint8Array, file: string): Promise<{ pages: GrayRaster[]; fieldObjects: PdfFieldObjects | null }> {
  const doc = await openPdf(bytes, file);
  const pages: GrayRaster[] = [];
  let fieldObjects: PdfFieldObjects | null;
  try {
    fieldObjects = (await doc.getFieldObjects()) as PdfFieldObjects | null;
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: PDF_RENDER_SCALE });
      if (viewport.width * viewport.height >= MAX_IMAGE_PIXELS) throw new DocumentInputError('tooLarge', file, { megapixels: Math.round((viewport.width * viewport.height) / 1e6), limit: MAX_IMAGE_PIXELS / 1e6 });
      const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      const rgba = context.getImageData(0, 0, canvas.width, canvas.height);
      pages.push(toGray(rgba.data, canvas.width, canvas.height, 4));
    }
  } catch (error) {
    if (error instanceof DocumentInputError) throw error;
    throw new DocumentInputError('pdfMalformed', file);
  } finally {
    await doc.destroy();
  }
  return { pages, fieldObjects };
}

/**
 * Decodes a file once: its pages, and for a PDF its AcroForm field objects (null when none), so a
 * digitally filled form is read exactly without opening the PDF a second time.
 */
export async function decodeBrowserFileWithFields(bytes: Uint8Array, file: string): Promise<{ pages: GrayRaster[]; fieldObjects: PdfFieldObjects | null }> {
  const { format, pages } = checkInputFile(bytes, file);
  if (format === 'pdf') return decodePdf(bytes, file);
  if (format !== 'tiff') return { pages: [await decodeImage(bytes, file)], fieldObjects: null };
  const rasters: GrayRaster[] = [];
  for (let index = 0; index < pages; index += 1) rasters.push(decodeTiffGray(bytes, file, index));
  return { pages: rasters, fieldObjects: null };
}

export async function decodeBrowserFile(bytes: Uint8Array, file: string): Promise<GrayRaster[]> {
  return (await decodeBrowserFileWithFields(bytes, file)).pages;
}
