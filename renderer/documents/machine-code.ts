import { toSVG } from 'bwip-js/browser';
import { rgb, type PDFPage } from 'pdf-lib';
import type { FormCodePlacement } from '../../shared/notices/form-code';

/**
 * Draws a QR code as vector paths on a PDF page: sharp at any print resolution and read back by the
 * same ZXing reader the capture uses. bwip-js gives the symbol as one SVG path in its own units.
 */
export function drawQrCode(page: PDFPage, text: string, at: FormCodePlacement): void {
  // BWIPP's default error correction for QR is level M (15 %): enough for a printed, rescanned page.
  const svg = toSVG({ bcid: 'qrcode', text });
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const path = /<path d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) throw new Error('bwip-js returned no QR path');
  // Four modules of quiet zone keep the code readable next to printed text.
  const quiet = at.size * 0.1;
  page.drawRectangle({ x: at.x - quiet, y: at.y - quiet, width: at.size + 2 * quiet, height: at.size + 2 * quiet, color: rgb(1, 1, 1) });
  page.drawSvgPath(path[1], { x: at.x, y: at.y + at.size, scale: at.size / Number(viewBox[1]), color: rgb(0, 0, 0) });
}
