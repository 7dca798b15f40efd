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

/**
 * Cuts out the quadrilateral a homography maps the upright `width` × `height` raster onto: each
 * output pixel's centre goes through `toSource` and is sampled bilinearly.
 */
export function warpToUpright(raster: GrayRaster, toSource: readonly number[], width: number, height: number): GrayRaster {
  const h = toSource;
  const data = new Uint8Array(width * height);
  for (let v = 0; v < height; v += 1) {
    const y = v + 0.5;
    // Along a row the three projective terms grow linearly with u.
    let nx = h[0] * 0.5 + h[1] * y + h[2];
    let ny = h[3] * 0.5 + h[4] * y + h[5];
    let w = h[6] * 0.5 + h[7] * y + h[8];
    for (let u = 0; u < width; u += 1) {
      data[v * width + u] = sample(raster, nx / w - 0.5, ny / w - 0.5);
      nx += h[0];
      ny += h[3];
      w += h[6];
    }
  }
  return { width, height, data };
}

/**
 * Evens out uneven light (a lamp on one side, a phone's darker corners): each pixel is divided by
 * the paper's brightness around it, estimated as the brightest of a coarse grid (text and photos
 * are darker than the paper) and smoothed.
 */
export function evenLight(raster: GrayRaster): GrayRaster {
  const cell = 16;
  const coarse = downscale(raster, cell);
  const brightest = new Float32Array(coarse.data.length);
  const radius = 2;
  for (let y = 0; y < coarse.height; y += 1) {
    for (let x = 0; x < coarse.width; x += 1) {
      let max = 0;
      for (let dy = -radius; dy <= radius; dy += 1) {
        for (let dx = -radius; dx <= radius; dx += 1) {
          const xx = Math.min(coarse.width - 1, Math.max(0, x + dx));
          const yy = Math.min(coarse.height - 1, Math.max(0, y + dy));
          max = Math.max(max, coarse.data[yy * coarse.width + xx]);
        }
      }
      brightest[y * coarse.width + x] = Math.max(max, 1);
    }
  }
  const data = new Uint8Array(raster.data.length);
  for (let y = 0; y < raster.height; y += 1) {
    const gy = Math.min(coarse.height - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const y0 = Math.min(coarse.height - 2, Math.floor(gy));
    const fy = coarse.height > 1 ? gy - Math.max(0, y0) : 0;
    for (let x = 0; x < raster.width; x += 1) {
      const gx = Math.min(coarse.width - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const x0 = Math.min(coarse.width - 2, Math.floor(gx));
      const fx = coarse.width > 1 ? gx - Math.max(0, x0) : 0;
      const i = Math.max(0, y0) * coarse.width + Math.max(0, x0);
      const right = coarse.width > 1 ? 1 : 0;
      const down = coarse.height > 1 ? coarse.width : 0;
      const top = brightest[i] + (brightest[i + right] - brightest[i]) * fx;
      const bottom = brightest[i + down] + (brightest[i + down + right] - brightest[i + down]) * fx;
      const paper = top + (bottom - top) * fy;
      data[y * raster.width + x] = Math.min(255, (raster.data[y * raster.width + x] * PAPER_WHITE) / paper);
    }
  }
  return { width: raster.width, height: raster.height, data };
}

/** The grey level evened-out paper gets. */
const PAPER_WHITE = 235;

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
