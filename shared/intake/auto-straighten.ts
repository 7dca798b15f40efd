/**
 * "Raddrizza automaticamente": the straightening angle that makes the document on a photo upright,
 * from the deskew angle the document locator already measures (second moments of the document's
 * pixels). Only a document found apart from its background counts: a scan that is the card itself
 * has no edge to measure.
 */
import { locateDocuments } from '../document-reading/document-locator';
import type { GrayRaster } from '../document-reading/raster';
import { clampAngle } from './scan-transform';

/** Degrees clockwise that straighten the largest document on `page`; null when none was found. */
export function autoStraightenAngle(page: GrayRaster): number | null {
  const found = locateDocuments(page).filter((d) => !d.wholeImage);
  if (found.length === 0) return null;
  const largest = found.reduce((a, b) => (b.rect.width * b.rect.height > a.rect.width * a.rect.height ? b : a));
  return clampAngle((-largest.rect.angle * 180) / Math.PI);
}
