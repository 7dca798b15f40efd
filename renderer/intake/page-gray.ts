/**
 * A small grayscale copy of a decoded page, for measurements that need no detail (the automatic
 * straightening angle): the document locator works on a 400-pixel copy anyway.
 */
import { toGray, type GrayRaster } from '../../shared/document-reading/raster';

const LONG_SIDE = 800;

export function grayPreview(source: ImageBitmap): GrayRaster {
  const k = Math.min(1, LONG_SIDE / Math.max(source.width, source.height));
  const width = Math.max(1, Math.round(source.width * k));
  const height = Math.max(1, Math.round(source.height * k));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D context for the page preview.');
  context.drawImage(source, 0, 0, width, height);
  return toGray(context.getImageData(0, 0, width, height).data, width, height, 4);
}
