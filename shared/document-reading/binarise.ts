/**
 * Local (Sauvola) binarisation: a pixel is ink when it is darker than its neighbourhood's mean by
 * an amount that grows where the neighbourhood is flat. Guilloche, tinted backgrounds and uneven
 * light keep a fixed threshold from separating print from paper; a local one does.
 */
import type { GrayRaster } from './raster';

export interface BinariseOptions {
  /** Half the side of the neighbourhood, in pixels. */
  radius?: number;
  /** Sauvola's k: higher keeps only the darker ink. */
  k?: number;
  /**
   * Grey levels a pixel must be darker than its neighbourhood by: fine pale guilloche lines are
   * darker than the paper around them, but not by as much as print.
   */
  minContrast?: number;
}

/** 1 where the pixel is ink. */
export function binarise(raster: GrayRaster, options: BinariseOptions = {}): Uint8Array {
  const { width, height, data } = raster;
  const radius = options.radius ?? Math.max(8, Math.round(Math.min(width, height) / 40));
  const k = options.k ?? 0.2;
  const minContrast = options.minContrast ?? 0;
  const stride = width + 1;
  const sum = new Float64Array(stride * (height + 1));
  const squares = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let rowSum = 0;
    let rowSquares = 0;
    for (let x = 0; x < width; x += 1) {
      const v = data[y * width + x];
      rowSum += v;
      rowSquares += v * v;
      sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + rowSum;
      squares[(y + 1) * stride + x + 1] = squares[y * stride + x + 1] + rowSquares;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x += 1) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const n = (x1 - x0) * (y1 - y0);
      const s = sum[y1 * stride + x1] - sum[y0 * stride + x1] - sum[y1 * stride + x0] + sum[y0 * stride + x0];
      const q = squares[y1 * stride + x1] - squares[y0 * stride + x1] - squares[y1 * stride + x0] + squares[y0 * stride + x0];
      const mean = s / n;
      const deviation = Math.sqrt(Math.max(0, q / n - mean * mean));
      const v = data[y * width + x];
      out[y * width + x] = v < mean * (1 + k * (deviation / 128 - 1)) && mean - v > minContrast ? 1 : 0;
    }
  }
  return out;
}
