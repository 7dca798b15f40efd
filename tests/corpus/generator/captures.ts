/**
 * How a rendered document reaches the app: a clean scan, a flatbed A4 with the card anywhere and
 * slightly rotated, a phone photo with perspective, or degraded copies (noise, blur, JPEG).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import bwipjs from 'bwip-js/node';
import { PX_PER_MM, type Layout } from './layouts';

export type Rng = () => number;

/** mulberry32: a tiny seeded generator so the corpus is reproducible. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The document as an RGB PNG, at PX_PER_MM unless another resolution is asked for. */
export async function renderLayout(layout: Layout, pxPerMm = PX_PER_MM): Promise<Buffer> {
  const svg = Buffer.from(layout.svg);
  const base = (pxPerMm === PX_PER_MM ? sharp(svg) : sharp(svg, { density: (72 * pxPerMm) / PX_PER_MM })).flatten({ background: '#ffffff' });
  if (!layout.barcode) return base.png().toBuffer();
  const b = layout.barcode;
  const code = await bwipjs.toBuffer({ bcid: 'code39', text: b.text, scale: 3, height: b.heightMm, includetext: false, backgroundcolor: 'FFFFFF' });
  const resized = await sharp(code).resize({ width: Math.round(b.widthMm * pxPerMm), height: Math.round(b.heightMm * pxPerMm), fit: 'fill', kernel: 'nearest' }).png().toBuffer();
  return base.composite([{ input: resized, left: Math.round(b.xMm * pxPerMm), top: Math.round(b.yMm * pxPerMm) }]).png().toBuffer();
}

export async function withNoise(png: Buffer, rng: Rng, amount: number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i += 1) data[i] = Math.max(0, Math.min(255, data[i] + (rng() + rng() + rng() - 1.5) * amount));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).png().toBuffer();
}

/** A4 (300 dpi unless told), white with faint scanner noise, the given cards placed at the given spots and angles. */
export async function flatbed(cards: Array<{ png: Buffer; leftMm: number; topMm: number; angleDeg: number; pxPerMm?: number }>, rng: Rng, dpi = 300): Promise<Buffer> {
  const dpmm = dpi / 25.4;
  const width = Math.round(210 * dpmm);
  const height = Math.round(297 * dpmm);
  const placed = await Promise.all(
    cards.map(async (card) => {
      const meta = await sharp(card.png).metadata();
      const scaled = await sharp(card.png).resize({ width: Math.round(((meta.width ?? 1) / (card.pxPerMm ?? PX_PER_MM)) * dpmm) }).rotate(card.angleDeg, { background: '#ffffff' }).png().toBuffer();
      return { input: scaled, left: Math.round(card.leftMm * dpmm), top: Math.round(card.topMm * dpmm) };
    }),
  );
  const page = await sharp({ create: { width, height, channels: 3, background: '#fdfdfc' } }).composite(placed).png().toBuffer();
  return withNoise(page, rng, 6);
}

/** Both sides of a card in one image, as copied at a counter: one above the other or side by side on white, a few millimetres apart. */
export async function bothSides(first: Buffer, second: Buffer, arrangement: 'above' | 'beside', gapPx: number): Promise<Buffer> {
  const [a, b] = await Promise.all([sharp(first).metadata(), sharp(second).metadata()]);
  const [aw, ah, bw, bh] = [a.width ?? 1, a.height ?? 1, b.width ?? 1, b.height ?? 1];
  const width = arrangement === 'above' ? Math.max(aw, bw) + 2 * gapPx : aw + bw + 3 * gapPx;
  const height = arrangement === 'above' ? ah + bh + 3 * gapPx : Math.max(ah, bh) + 2 * gapPx;
  const second_ = arrangement === 'above' ? { left: gapPx, top: ah + 2 * gapPx } : { left: aw + 2 * gapPx, top: gapPx };
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: first, left: gapPx, top: gapPx }, { input: second, ...second_ }])
    .png()
    .toBuffer();
}

/** Glare from a lamp or a laminated card: a bright soft spot that washes out what is under it. */
export async function glare(png: Buffer, rng: Rng): Promise<Buffer> {
  const { width = 1, height = 1 } = await sharp(png).metadata();
  const cx = (0.2 + rng() * 0.6) * width;
  const cy = (0.2 + rng() * 0.6) * height;
  const rx = (0.12 + rng() * 0.15) * width;
  const ry = rx * (0.4 + rng() * 0.5);
  const strength = 0.55 + rng() * 0.3;
  const spot = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="${strength.toFixed(2)}"/><stop offset="0.55" stop-color="#fff" stop-opacity="${(strength * 0.45).toFixed(2)}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" rx="${rx.toFixed(0)}" ry="${ry.toFixed(0)}" fill="url(#g)" transform="rotate(${((rng() - 0.5) * 60).toFixed(0)} ${cx.toFixed(0)} ${cy.toFixed(0)})"/></svg>`;
  return sharp(png).composite([{ input: Buffer.from(spot) }]).png().toBuffer();
}

/** A phone photo: the card on a dark desk, seen slightly from the side (ImageMagick perspective). */
export function phonePhoto(png: Buffer, rng: Rng): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
  try {
    const input = path.join(dir, 'in.png');
    const output = path.join(dir, 'out.png');
    writeFileSync(input, png);
    const info = execFileSync('/usr/bin/identify', ['-format', '%w %h', input]).toString().split(' ').map(Number);
    const [w, h] = info;
    const pad = Math.round(w * 0.12);
    const j = () => Math.round((rng() - 0.5) * w * 0.05);
    // Corners move inwards by a few percent: the perspective of a hand-held phone above the desk.
    const pts = [0, 0, pad + j(), pad + j(), w, 0, w + pad + j(), pad + j(), w, h, w + pad + j(), h + pad + j(), 0, h, pad + j(), h + pad + j()];
    execFileSync('/usr/bin/convert', [
      input, '-bordercolor', '#3b342e', '-border', '0', '-virtual-pixel', 'background', '-background', '#3b342e',
      '-extent', `${w + 2 * pad}x${h + 2 * pad}`, '-distort', 'Perspective', pts.join(','),
      '-blur', '0x0.6', output,
    ]);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A phone held at an angle over the desk: the card is a clear trapezoid (its far edge 6–12 %
 * shorter than the near one, towards the top, bottom, left or right), turned a few degrees, lit
 * unevenly (light from one side, darker corners) and slightly noisy.
 */
export async function tiltedPhonePhoto(png: Buffer, rng: Rng): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
  try {
    const input = path.join(dir, 'in.png');
    const output = path.join(dir, 'out.png');
    writeFileSync(input, png);
    const { width: w = 1, height: h = 1 } = await sharp(png).metadata();
    const pad = Math.round(w * 0.15);
    const k = 0.06 + rng() * 0.06;
    const far = ['top', 'bottom', 'left', 'right'][Math.floor(rng() * 4)];
    const turn = ((rng() - 0.5) * 8 * Math.PI) / 180;
    // The far edge is shorter by the keystone, and the card looks shorter along the tilt.
    const dx = (k * w) / 2;
    const dy = (k * h) / 2;
    const fy = k * h * 0.3;
    const fx = k * w * 0.3;
    const card: Record<string, number[][]> = {
      top: [[dx, fy], [w - dx, fy], [w, h], [0, h]],
      bottom: [[0, 0], [w, 0], [w - dx, h - fy], [dx, h - fy]],
      left: [[fx, dy], [w, 0], [w, h], [fx, h - dy]],
      right: [[0, 0], [w - fx, dy], [w - fx, h - dy], [0, h]],
    };
    const corners = card[far].map(([x, y]) => {
      const ux = x - w / 2;
      const uy = y - h / 2;
      return [w / 2 + pad + ux * Math.cos(turn) - uy * Math.sin(turn), h / 2 + pad + ux * Math.sin(turn) + uy * Math.cos(turn)];
    });
    const pts = [[0, 0], [w, 0], [w, h], [0, h]].flatMap(([x, y], i) => [x, y, ...corners[i].map((c) => Math.round(c * 10) / 10)]);
    execFileSync('/usr/bin/convert', [
      input, '-virtual-pixel', 'background', '-background', '#3b342e', '-extent', `${w + 2 * pad}x${h + 2 * pad}`,
      '-distort', 'Perspective', pts.join(','), '-blur', '0x0.7', output,
    ]);
    return await unevenLight(readFileSync(output), rng);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Light falling from one side and darker corners (a phone's vignette), with sensor noise. */
async function unevenLight(png: Buffer, rng: Rng): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const from = rng() * 2 * Math.PI;
  const slope = 0.16 + rng() * 0.1;
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      const u = x / info.width - 0.5;
      const v = y / info.height - 0.5;
      const light = (1 + slope * (u * Math.cos(from) + v * Math.sin(from))) * (1 - 0.45 * (u * u + v * v));
      for (let c = 0; c < info.channels; c += 1) {
        const i = (y * info.width + x) * info.channels + c;
        data[i] = Math.max(0, Math.min(255, data[i] * light + (rng() - 0.5) * 8));
      }
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).png().toBuffer();
}

export async function jpeg(png: Buffer, quality: number): Promise<Buffer> {
  return sharp(png).jpeg({ quality, mozjpeg: false }).toBuffer();
}

export async function blur(png: Buffer, sigma: number): Promise<Buffer> {
  return sharp(png).blur(sigma).png().toBuffer();
}
