/**
 * Documents the locator missed, found by their MRZ. On a white scanner lid a CIE back's white MRZ
 * strip cuts the card's outline short, so it no longer has a card's shape; its MRZ is still there,
 * and ICAO 9303 fixes where an MRZ sits on its document: the card is rebuilt around it.
 */
import type { LocatedDocument } from './document-locator';
import { findMrzBands, type MrzBand } from './mrz-band';
import type { GrayRaster, OrientedRect } from './raster';

/** ICAO 9303 sizes (mm): characters per line and the document around them. */
const FORMATS = [
  { rows: 3, chars: 30, width: 85.6, height: 54 },
  { rows: 2, chars: 36, width: 105, height: 74 },
  { rows: 2, chars: 44, width: 125, height: 88 },
];
/** The character pitch (2.54 mm), and how far the last line's centre sits above the lower edge. */
const PITCH_MM = 2.54;
const LAST_LINE_TO_EDGE_MM = 6;

function inside(rect: OrientedRect, x: number, y: number): boolean {
  const dx = x - rect.cx;
  const dy = y - rect.cy;
  const u = dx * Math.cos(rect.angle) + dy * Math.sin(rect.angle);
  const v = -dx * Math.sin(rect.angle) + dy * Math.cos(rect.angle);
  return Math.abs(u) <= rect.width / 2 && Math.abs(v) <= rect.height / 2;
}

function documentAround(band: MrzBand): OrientedRect | null {
  const glyphs = Math.max(...band.rows.map((r) => r.glyphs));
  const format = FORMATS.filter((f) => f.rows === band.rows.length).sort((a, b) => Math.abs(a.chars - glyphs) - Math.abs(b.chars - glyphs))[0];
  if (!format) return null;
  const last = band.rows[band.rows.length - 1];
  const pitch = band.rows.map((r) => r.pitch).sort((a, b) => a - b)[Math.floor(band.rows.length / 2)];
  const mm = pitch / PITCH_MM;
  const angle = last.angle;
  const first = band.rows[0];
  // The zone is centred across the document; along its slope from the first character.
  const along = first.box.x + (format.chars * pitch) / 2;
  const midY = last.centreY + Math.tan(angle) * (along - (last.box.x + last.box.width / 2));
  const down = LAST_LINE_TO_EDGE_MM * mm - (format.height * mm) / 2;
  return { cx: along - Math.sin(angle) * down, cy: midY + Math.cos(angle) * down, width: format.width * mm, height: format.height * mm, angle };
}

/** Documents around MRZ zones that lie outside every document already located. */
export function documentsAroundMrz(image: GrayRaster, located: LocatedDocument[]): LocatedDocument[] {
  if (located.some((l) => l.wholeImage)) return [];
  return findMrzBands(image)
    .filter((band) => !located.some((l) => inside(l.rect, band.box.x + band.box.width / 2, band.box.y + band.box.height / 2)))
    .map(documentAround)
    .filter((rect): rect is OrientedRect => rect !== null)
    .map((rect) => ({ rect, quad: null, wholeImage: false }));
}
