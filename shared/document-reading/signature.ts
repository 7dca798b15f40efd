/**
 * Is the signature box signed? Counts ink inside the box, away from its printed border, and
 * ignores the printed signature line (a row that is dark almost end to end). Handwriting leaves
 * short dark runs over several rows; an empty box leaves none.
 */
import type { Box, GrayRaster } from './raster';

const INK_LEVEL = 120;
/** Share of the box's inner area that must be ink: a signature stroke covers well above 0.5 %. */
const SIGNED_RATIO = 0.005;

export interface SignatureCheck {
  signed: boolean;
  inkRatio: number;
}

export function checkSignature(page: GrayRaster, box: Box): SignatureCheck {
  const marginX = box.width * 0.06;
  const marginY = box.height * 0.1;
  const x0 = Math.max(0, Math.round(box.x + marginX));
  const x1 = Math.min(page.width, Math.round(box.x + box.width - marginX));
  const y0 = Math.max(0, Math.round(box.y + marginY));
  const y1 = Math.min(page.height, Math.round(box.y + box.height - marginY));
  if (x1 <= x0 || y1 <= y0) return { signed: false, inkRatio: 0 };
  let ink = 0;
  for (let y = y0; y < y1; y += 1) {
    let row = 0;
    for (let x = x0; x < x1; x += 1) if (page.data[y * page.width + x] < INK_LEVEL) row += 1;
    // A printed rule spans the row; handwriting never does.
    if (row < (x1 - x0) * 0.6) ink += row;
  }
  const inkRatio = ink / ((x1 - x0) * (y1 - y0));
  return { signed: inkRatio >= SIGNED_RATIO, inkRatio: Math.round(inkRatio * 10000) / 10000 };
}
