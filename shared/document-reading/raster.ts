/**
 * Pixel rasters shared by the browser and Node paths. Decoding is the runtime's job; everything
 * after decoding works on these plain arrays so both paths read a document the same way.
 */

/** 8-bit grayscale, row-major. */
export interface GrayRaster {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** ITU-R BT.601 luma from interleaved RGB or RGBA bytes. */
export function toGray(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): GrayRaster {
  const data = new Uint8Array(width * height);
  if (channels === 1) {
    data.set(pixels.subarray(0, width * height));
    return { width, height, data };
  }
  for (let i = 0, p = 0; i < data.length; i += 1, p += channels) {
    data[i] = (pixels[p] * 299 + pixels[p + 1] * 587 + pixels[p + 2] * 114) / 1000;
  }
  return { width, height, data };
}

/**
 * Binary PGM (P5): Leptonica inside tesseract and stb_image inside zxing both read it, so the same
 * bytes feed both engines without a PNG encoder.
 */
export function encodePgm(raster: GrayRaster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${raster.width} ${raster.height}\n255\n`);
  const out = new Uint8Array(header.length + raster.data.length);
  out.set(header, 0);
  out.set(raster.data, header.length);
  return out;
}

/** Box-filter downscale by an integer factor (cheap, and averages scanner noise away). */
export function downscale(raster: GrayRaster, factor: number): GrayRaster {
  const width = Math.max(1, Math.floor(raster.width / factor));
  const height = Math.max(1, Math.floor(raster.height / factor));
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy += 1) {
        const row = (y * factor + dy) * raster.width + x * factor;
        for (let dx = 0; dx < factor; dx += 1) sum += raster.data[row + dx];
      }
      data[y * width + x] = sum / area;
    }
  }
  return { width, height, data };
}

/** Bilinear sample; outside the raster reads as white paper. */
function sample(raster: GrayRaster, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= raster.width - 1 || y0 >= raster.height - 1) return 255;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * raster.width + x0;
  const d = raster.data;
  const top = d[i] + (d[i + 1] - d[i]) * fx;
  const bottom = d[i + raster.width] + (d[i + raster.width + 1] - d[i + raster.width]) * fx;
  return top + (bottom - top) * fy;
}

/** A rectangle of the source image, possibly rotated: centre, size and angle (radians) in source pixels. */
export interface OrientedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

/** Cuts an oriented rectangle out upright, scaled by `scale`. */
export function extractOriented(raster: GrayRaster, rect: OrientedRect, scale: number): GrayRaster {
  const width = Math.max(1, Math.round(rect.width * scale));
  const height = Math.max(1, Math.round(rect.height * scale));
  const data = new Uint8Array(width * height);
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  for (let v = 0; v < height; v += 1) {
    const ry = (v + 0.5) / scale - rect.height / 2;
    for (let u = 0; u < width; u += 1) {
      const rx = (u + 0.5) / scale - rect.width / 2;
      data[v * width + u] = sample(raster, rect.cx + rx * cos - ry * sin, rect.cy + rx * sin + ry * cos);
    }
  }
  return { width, height, data };
}

/** Maps a box of an extracted raster back to the axis-aligned box it covers on the source image. */
export function boxOnSource(box: Box, rect: OrientedRect, scale: number): Box {
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ].map(([u, v]) => {
    const rx = u / scale - rect.width / 2;
    const ry = v / scale - rect.height / 2;
    return [rect.cx + rx * cos - ry * sin, rect.cy + rx * sin + ry * cos];
  });
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

export function cropBox(raster: GrayRaster, box: Box): GrayRaster {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(raster.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(raster.height, Math.ceil(box.y + box.height));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) data.set(raster.data.subarray((y0 + y) * raster.width + x0, (y0 + y) * raster.width + x0 + width), y * width);
  return { width, height, data };
}
