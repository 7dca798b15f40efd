/**
 * Applies a clerk's rotate/straighten/crop to a scan's pixels on an OffscreenCanvas. What the edit
 * writes depends on the scan:
 * - a JPEG stays JPEG, a PNG stays PNG, without EXIF: the turn is in the pixels;
 * - a page of a TIFF is put back into a TIFF written anew (tiff-write.ts, lossless) with the other
 *   pages' pixels unchanged;
 * - a page of a scanned PDF is rendered, edited and put back as a JPEG page of the same physical
 *   size in a PDF rewritten with its other pages untouched (pdf-page-edit.ts);
 * - a digitally filled PDF form is not edited (see `editability`).
 */
import type { AttachmentMeta } from '../../shared/case/case';
import { NO_TRANSFORM, straightenedSize, transformedSize, type QuarterTurn, type ScanTransform } from '../../shared/intake/scan-transform';
import { pageImage, pdfPixelsPerPoint, type PageDetail } from './page-images';
import { isDigitalForm, replacePdfPage } from './pdf-page-edit';
import { encodeTiff, type RgbaPixels } from './tiff-write';

export type EditedImageType = 'image/jpeg' | 'image/png';

const JPEG_QUALITY = 0.92;

/** A PDF page is edited on a 288 dpi rendering: enough for reading, and the page keeps its size in points. */
export const PDF_EDIT_DETAIL: PageDetail = 2;

/**
 * Above this a canvas of the whole image may not be allocated (Chromium caps canvas area at
 * 268 MP, and memory runs out well before on a counter PC); capture accepts up to 400 MP.
 */
export const MAX_EDIT_PIXELS = 100_000_000;

export function tooLargeToEdit(size: { width: number; height: number }): boolean {
  return size.width * size.height > MAX_EDIT_PIXELS;
}

/** Whether the viewer offers the editor for this scan at all (the editor tells why not, case by case). */
export function isEditable(mimeType: string): boolean {
  return mimeType === 'image/jpeg' || mimeType === 'image/png' || mimeType === 'image/tiff' || mimeType === 'application/pdf';
}

export type Editability = { ok: true } | { ok: false; reason: 'digitalForm' };

/**
 * A digitally filled PDF is read from its form fields, exactly; rewriting its page as an image would
 * drop them, and it is never crooked.
 */
export async function editability(attachment: Pick<AttachmentMeta, 'mimeType'>, bytes: () => Promise<Blob>): Promise<Editability> {
  if (attachment.mimeType === 'application/pdf' && (await isDigitalForm(new Uint8Array(await (await bytes()).arrayBuffer())))) return { ok: false, reason: 'digitalForm' };
  return { ok: true };
}

/** The detail a page is edited at: the rendering whose pixels the crop is measured in. */
export function editDetail(mimeType: string): PageDetail {
  return mimeType === 'application/pdf' ? PDF_EDIT_DETAIL : 1;
}

const QUARTER: Record<QuarterTurn, [number, number]> = { 0: [1, 0], 90: [0, 1], 180: [-1, 0], 270: [0, -1] };

/**
 * Draws `source` turned and straightened, shifted so the crop's corner is at the canvas origin, on a
 * white ground, at `scale` (the editor's preview draws the whole straightened image smaller).
 */
export function drawTransformed(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, source: ImageBitmap, transform: ScanTransform, scale = 1): void {
  const original = { width: source.width, height: source.height };
  const size = straightenedSize(original, transform);
  const crop = transform.crop ?? { x: 0, y: 0 };
  context.save();
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, context.canvas.width, context.canvas.height);
  context.scale(scale, scale);
  context.translate(size.width / 2 - crop.x, size.height / 2 - crop.y);
  // Quarter turns with an exact matrix (no resampling blur); only the small angle resamples.
  const [cos, sin] = QUARTER[transform.rotation];
  context.transform(cos, sin, -sin, cos, 0, 0);
  if (transform.angle !== 0) {
    context.imageSmoothingQuality = 'high';
    context.rotate((transform.angle * Math.PI) / 180);
  }
  context.drawImage(source, -original.width / 2, -original.height / 2);
  context.restore();
}

function transformedCanvas(source: ImageBitmap, transform: ScanTransform): { canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D } {
  const original = { width: source.width, height: source.height };
  if (tooLargeToEdit(original)) throw new Error('The scan is too large to edit.');
  const out = transformedSize(transform, original);
  const canvas = new OffscreenCanvas(out.width, out.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D context for the scan edit.');
  drawTransformed(context, source, transform);
  return { canvas, context };
}

/** The edited pixels as a new image file. */
export async function transformBitmap(source: ImageBitmap, type: EditedImageType, transform: ScanTransform): Promise<Blob> {
  return transformedCanvas(source, transform).canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: JPEG_QUALITY } : { type });
}

/** The edited pixels as RGBA (for a TIFF page); NO_TRANSFORM gives a page's pixels as decoded. */
function transformedPixels(source: ImageBitmap, transform: ScanTransform): RgbaPixels {
  const { canvas, context } = transformedCanvas(source, transform);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** A JPEG or PNG file edited as a whole. */
export async function applyScanTransform(scan: Blob, type: EditedImageType, transform: ScanTransform): Promise<Blob> {
  const bitmap = await createImageBitmap(scan, { imageOrientation: 'from-image' });
  try {
    return await transformBitmap(bitmap, type, transform);
  } finally {
    bitmap.close();
  }
}

/** The scan after the edit of `page` (1-based), as the file that replaces it in the case. */
export async function editScan(attachment: Pick<AttachmentMeta, 'id' | 'mimeType'>, page: number, transform: ScanTransform, bytes: () => Promise<Blob>): Promise<{ mimeType: AttachmentMeta['mimeType']; bytes: Blob }> {
  switch (attachment.mimeType) {
    case 'image/jpeg':
    case 'image/png':
      return { mimeType: attachment.mimeType, bytes: await applyScanTransform(await bytes(), attachment.mimeType, transform) };
    case 'image/tiff': {
      const { pageCount } = await pageImage(attachment.id, attachment.mimeType, 1);
      const pages: RgbaPixels[] = [];
      for (let n = 1; n <= pageCount; n += 1) {
        const { bitmap } = await pageImage(attachment.id, attachment.mimeType, n);
        pages.push(transformedPixels(bitmap, n === page ? transform : NO_TRANSFORM));
      }
      return { mimeType: 'image/tiff', bytes: new Blob([(await encodeTiff(pages)) as BlobPart], { type: 'image/tiff' }) };
    }
    case 'application/pdf': {
      const { bitmap } = await pageImage(attachment.id, attachment.mimeType, page, PDF_EDIT_DETAIL);
      const jpeg = await transformBitmap(bitmap, 'image/jpeg', transform);
      const pdf = await replacePdfPage(new Uint8Array(await (await bytes()).arrayBuffer()), page, new Uint8Array(await jpeg.arrayBuffer()), pdfPixelsPerPoint(PDF_EDIT_DETAIL));
      return { mimeType: 'application/pdf', bytes: new Blob([pdf as BlobPart], { type: 'application/pdf' }) };
    }
  }
}
