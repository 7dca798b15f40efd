/**
 * Node decoding of the input files: images through sharp (after the header check), PDF pages
 * through pdfjs-dist rendered on @napi-rs/canvas. Bad files become DocumentInputError.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { checkInputFile, DocumentInputError, MAX_IMAGE_PIXELS } from '../shared/document-reading/input-file';
import { toGray, type GrayRaster } from '../shared/document-reading/raster';

const require = createRequire(import.meta.url);
/** Scanned pages are rendered at 300 dpi: what OCR of ID cards needs. */
const PDF_RENDER_SCALE = 300 / 72;

/** One page (0-based; a multi-page TIFF has several) of an image, as grayscale. */
export async function decodeImage(bytes: Uint8Array, file: string, page = 0): Promise<GrayRaster> {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS, page }).rotate().raw().toBuffer({ resolveWithObject: true });
    return toGray(data, info.width, info.height, info.channels);
  } catch {
    throw new DocumentInputError('corrupt', file);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    m.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    return m;
  });
  return pdfjs;
}

export function pdfjsAssets(): { standardFontDataUrl: string; cMapUrl: string } {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return { standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`, cMapUrl: `${path.join(root, 'cmaps')}/` };
}

/** Opens a PDF with pdfjs-dist; a password or a broken file becomes a clear error. */
export async function openPdf(bytes: Uint8Array, file: string) {
  const { getDocument } = await loadPdfJs();
  try {
    return await getDocument({ data: new Uint8Array(bytes), ...pdfjsAssets(), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') throw new DocumentInputError('pdfPassword', file);
    throw new DocumentInputError('pdfMalformed', file);
  }
}

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;

async function decodePdf(bytes: Uint8Array, file: string): Promise<GrayRaster[]> {
  const doc = await openPdf(bytes, file);
  try {
    return await renderPdfPages(doc, file);
  } finally {
    await doc.destroy();
  }
}

/** Every page rendered (300 dpi unless told), as grayscale. */
export async function renderPdfPages(doc: PdfDocument, file: string, scale = PDF_RENDER_SCALE): Promise<GrayRaster[]> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const pages: GrayRaster[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      if (viewport.width * viewport.height >= MAX_IMAGE_PIXELS) throw new DocumentInputError('tooLarge', file, { megapixels: Math.round((viewport.width * viewport.height) / 1e6), limit: MAX_IMAGE_PIXELS / 1e6 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
      const rgba = context.getImageData(0, 0, canvas.width, canvas.height);
      pages.push(toGray(rgba.data, canvas.width, canvas.height, 4));
    }
  } catch (error) {
    if (error instanceof DocumentInputError) throw error;
    throw new DocumentInputError('pdfMalformed', file);
  }
  return pages;
}

/** Every page of a file as grayscale rasters (one per page of a PDF or a multi-page TIFF). */
export async function decodeFile(bytes: Uint8Array, file: string): Promise<GrayRaster[]> {
  const { format, pages } = checkInputFile(bytes, file);
  if (format === 'pdf') return decodePdf(bytes, file);
  const rasters: GrayRaster[] = [];
  for (let page = 0; page < pages; page += 1) rasters.push(await decodeImage(bytes, file, page));
  return rasters;
}
