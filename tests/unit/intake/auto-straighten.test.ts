import { describe, expect, it } from 'vitest';
import type { GrayRaster } from '../../../shared/document-reading/raster';
import { autoStraightenAngle } from '../../../shared/intake/auto-straighten';

/** A dark ID-1-shaped card turned `degrees` clockwise on a white scanner lid. */
function crookedCard(degrees: number): GrayRaster {
  const width = 900;
  const height = 700;
  const data = new Uint8Array(width * height).fill(250);
  const r = (-degrees * Math.PI) / 180;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // Back into the card's own frame: inside its 428 × 270 rectangle, it is card.
      const dx = x - width / 2;
      const dy = y - height / 2;
      const u = dx * Math.cos(r) - dy * Math.sin(r);
      const v = dx * Math.sin(r) + dy * Math.cos(r);
      if (Math.abs(u) <= 214 && Math.abs(v) <= 135) data[y * width + x] = 120;
    }
  }
  return { width, height, data };
}

describe('automatic straightening from the document locator', () => {
  it.each([6, -4, 11.5, 0])('a card turned %f° clockwise is straightened by the opposite angle', (degrees) => {
    expect(autoStraightenAngle(crookedCard(degrees))).toBeCloseTo(-degrees, 0);
  });

  it('finds nothing to measure on a scan that is the document itself', () => {
    const card: GrayRaster = { width: 600, height: 380, data: new Uint8Array(600 * 380).fill(200) };
    expect(autoStraightenAngle(card)).toBeNull();
  });
});
