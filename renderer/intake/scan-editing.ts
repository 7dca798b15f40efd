/**
 * Applies a clerk's rotate/crop to a scan's pixels on an OffscreenCanvas. The result is a new file
 * in the same format (JPEG stays JPEG, PNG stays PNG), without EXIF: the turn is in the pixels.
 */
import { transformedSize, type ScanTransform } from '../../shared/intake/scan-transform';

export type EditableMimeType = 'image/jpeg' | 'image/png';

export function isEditable(mimeType: string): mimeType is EditableMimeType {
  return mimeType === 'image/jpeg' || mimeType === 'image/png';
}

const JPEG_QUALITY = 0.92;

/**
 * Above this a canvas of the whole image may not be allocated (Chromium caps canvas area at
 * 268 MP, and memory runs out well before on a counter PC); capture accepts up to 400 MP.
 */
export const MAX_EDIT_PIXELS = 100_000_000;

export function tooLargeToEdit(size: { width: number; height: number }): boolean {
  return size.width * size.height > MAX_EDIT_PIXELS;
}

export async function applyScanTransform(scan: Blob, mimeType: EditableMimeType, transform: ScanTransform): Promise<Blob> {
  const bitmap = await createImageBitmap(scan, { imageOrientation: 'from-image' });
  try {
    const original = { width: bitmap.width, height: bitmap.height };
    if (tooLargeToEdit(original)) throw new Error('The scan is too large to edit.');
    const out = transformedSize(transform, original);
    const canvas = new OffscreenCanvas(out.width, out.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D context for the scan edit.');
    const crop = transform.crop ?? { x: 0, y: 0 };
    context.translate(-crop.x, -crop.y);
    // Turn clockwise about the origin, then shift the turned image back into view.
    if (transform.rotation === 90) context.translate(original.height, 0);
    if (transform.rotation === 180) context.translate(original.width, original.height);
    if (transform.rotation === 270) context.translate(0, original.width);
    context.rotate((transform.rotation * Math.PI) / 180);
    context.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob(mimeType === 'image/jpeg' ? { type: mimeType, quality: JPEG_QUALITY } : { type: mimeType });
  } finally {
    bitmap.close();
  }
}
