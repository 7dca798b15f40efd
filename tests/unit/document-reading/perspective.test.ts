/**
 * Perspective correction of a card photographed from the side: the homography, the four corners
 * found on the region's outline, and the fall-back to the rotated rectangle when the outline is
 * not four straight edges or the card is not in perspective.
 */
import { describe, expect, it } from 'vitest';
import { locateDocuments, uprightDocument } from '../../../shared/document-reading/document-locator';
import { documentQuad } from '../../../shared/document-reading/document-quad';
import { boxOnSource, homographyBetween, mapPoint, type Point, type Quad } from '../../../shared/document-reading/homography';
import type { GrayRaster } from '../../../shared/document-reading/raster';

const DESK = 55;
const CARD = 232;
const MARK = 20;
/** The card drawn upright: 856 × 540 units, with a dark mark at a known place. */
const CARD_W = 856;
const CARD_H = 540;
const MARK_BOX = { x: 100, y: 80, width: 120, height: 160 };
const upright: Quad = [
  { x: 0, y: 0 },
  { x: CARD_W, y: 0 },
  { x: CARD_W, y: CARD_H },
  { x: 0, y: CARD_H },
];

/** A photo of the card on a desk, its corners at `quad` (top-left first, clockwise). */
function photo(width: number, height: number, quad: Quad): GrayRaster {
  const toCard = homographyBetween(quad, upright);
  if (!toCard) throw new Error('bad test quad');
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const p = mapPoint(toCard, { x: x + 0.5, y: y + 0.5 });
      const inCard = p.x >= 0 && p.x < CARD_W && p.y >= 0 && p.y < CARD_H;
      const inMark = p.x >= MARK_BOX.x && p.x < MARK_BOX.x + MARK_BOX.width && p.y >= MARK_BOX.y && p.y < MARK_BOX.y + MARK_BOX.height;
      data[y * width + x] = !inCard ? DESK : inMark ? MARK : CARD;
    }
  }
  return { width, height, data };
}

/** Bounding box of the dark mark on an upright raster. */
function markBox(r: GrayRaster): { x0: number; y0: number; x1: number; y1: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      if (r.data[y * r.width + x] > (MARK + DESK) / 2) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
    }
  }
  return { x0, y0, x1, y1 };
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('homographyBetween', () => {
  it('maps each corner exactly onto its counterpart, and back', () => {
    const to: Quad = [
      { x: 212.5, y: 131 },
      { x: 1190, y: 178.25 },
      { x: 1254, y: 806 },
      { x: 160, y: 744 },
    ];
    const h = homographyBetween(upright, to);
    const back = homographyBetween(to, upright);
    expect(h).not.toBeNull();
    expect(back).not.toBeNull();
    for (let i = 0; i < 4; i += 1) {
      const p = mapPoint(h!, upright[i]);
      expect(p.x).toBeCloseTo(to[i].x, 6);
      expect(p.y).toBeCloseTo(to[i].y, 6);
      const q = mapPoint(back!, to[i]);
      expect(q.x).toBeCloseTo(upright[i].x, 6);
      expect(q.y).toBeCloseTo(upright[i].y, 6);
    }
    // A box of the upright card lands on the axis-aligned box around its four mapped corners.
    const box = boxOnSource({ x: 0, y: 0, width: CARD_W, height: CARD_H }, h!);
    expect(box).toEqual({ x: 160, y: 131, width: 1094, height: 675 });
  });

  it('refuses degenerate quadrilaterals: three corners on a line, two corners in one place, a fold', () => {
    const collinear: Quad = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 60 },
    ];
    const repeated: Quad = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 100, y: 60 },
      { x: 0, y: 60 },
    ];
    const bowTie: Quad = [
      { x: 0, y: 0 },
      { x: 100, y: 60 },
      { x: 100, y: 0 },
      { x: 0, y: 60 },
    ];
    expect(homographyBetween(upright, collinear)).toBeNull();
    expect(homographyBetween(upright, repeated)).toBeNull();
    expect(homographyBetween(upright, bowTie)).toBeNull();
  });
});

describe('a card photographed from the side', () => {
  // Far edge at the top 10 % shorter, the card turned by about 3°.
  const truth: Quad = [
    { x: 262.4, y: 214.7 },
    { x: 1078.9, y: 256.2 },
    { x: 1131.5, y: 838.3 },
    { x: 175.2, y: 781.6 },
  ];
  const image = photo(1300, 1000, truth);

  // The locator works on a quarter-size copy of this 1300-px photo: a corner within 3 px is within one of its pixels.
  it('finds its four corners within three pixels', () => {
    const [found, ...rest] = locateDocuments(image);
    expect(rest).toEqual([]);
    expect(found.wholeImage).toBe(false);
    expect(found.quad).not.toBeNull();
    for (let i = 0; i < 4; i += 1) expect(distance(found.quad![i], truth[i]), `corner ${i}`).toBeLessThan(3);
  });

  it('is cut out as an upright ID-1 card: the mark lands where it is on the card, within three pixels', () => {
    const [found] = locateDocuments(image);
    const { raster, toSource } = uprightDocument(image, found);
    expect(raster.width).toBe(1100);
    expect(raster.height).toBe(Math.round(1100 / 1.586));
    const k = raster.width / CARD_W;
    const mark = markBox(raster);
    expect(Math.abs(mark.x0 - MARK_BOX.x * k)).toBeLessThan(3);
    expect(Math.abs(mark.y0 - MARK_BOX.y * (raster.height / CARD_H))).toBeLessThan(3);
    expect(Math.abs(mark.x1 - (MARK_BOX.x + MARK_BOX.width) * k)).toBeLessThan(3);
    expect(Math.abs(mark.y1 - (MARK_BOX.y + MARK_BOX.height) * (raster.height / CARD_H))).toBeLessThan(3);
    // The evidence map goes back onto the photo: the upright corners are the card's corners.
    expect(distance(mapPoint(toSource, { x: raster.width, y: raster.height }), truth[2])).toBeLessThan(3);
  });

  it('a card seen square-on (a flatbed scan, only rotated) keeps the rotated-rectangle cut', () => {
    const a = (4 * Math.PI) / 180;
    const corner = (u: number, v: number): Point => ({ x: 650 + u * Math.cos(a) - v * Math.sin(a), y: 500 + u * Math.sin(a) + v * Math.cos(a) });
    const rotated: Quad = [corner(-428, -270), corner(428, -270), corner(428, 270), corner(-428, 270)];
    const [found] = locateDocuments(photo(1300, 1000, rotated));
    expect(found.quad).toBeNull();
    expect((found.rect.angle * 180) / Math.PI).toBeCloseTo(4, 0);
  });
});

describe('documentQuad', () => {
  /** Pixel indices of a filled shape on a `width`-wide grid. */
  const shape = (width: number, height: number, inside: (x: number, y: number) => boolean) => {
    const pixels: number[] = [];
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (inside(x + 0.5, y + 0.5)) pixels.push(y * width + x);
    return pixels;
  };
  const rect = { cx: 200, cy: 150, width: 300, height: 190, angle: 0 };

  it('a plain rectangle: its corners', () => {
    const quad = documentQuad(shape(400, 300, (x, y) => x >= 50 && x < 350 && y >= 55 && y < 245), 400, rect);
    expect(quad).not.toBeNull();
    expect(distance(quad![0], { x: 50, y: 55 })).toBeLessThan(1);
    expect(distance(quad![2], { x: 350, y: 245 })).toBeLessThan(1);
  });

  it('an outline that is not four straight edges (a thumb over the top edge) has no quadrilateral', () => {
    const thumb = (x: number, y: number) => (x - 200) ** 2 + (y - 55) ** 2 < 45 ** 2;
    expect(documentQuad(shape(400, 300, (x, y) => (x >= 50 && x < 350 && y >= 55 && y < 245) || thumb(x, y)), 400, rect)).toBeNull();
  });

  it('a region that does not fill its corners (an ellipse) has no quadrilateral', () => {
    expect(documentQuad(shape(400, 300, (x, y) => ((x - 200) / 150) ** 2 + ((y - 150) / 95) ** 2 < 1), 400, rect)).toBeNull();
  });
});
