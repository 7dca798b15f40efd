/**
 * Connected components of ink pixels with their bounding boxes (inclusive) and pixel counts, by an
 * iterative flood fill. 8-connected joins a letter's thin diagonal strokes; 4-connected keeps
 * glyphs that only touch at a corner apart.
 */
export interface InkComponent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  area: number;
}

export function inkComponents(ink: Uint8Array, width: number, height: number, connectivity: 4 | 8): InkComponent[] {
  const seen = new Uint8Array(width * height);
  const components: InkComponent[] = [];
  const stack: number[] = [];
  const steps = connectivity === 8 ? [-1, 0, 1] : [0];
  for (let start = 0; start < ink.length; start += 1) {
    if (seen[start] || !ink[start]) continue;
    const c: InkComponent = { x0: width, x1: -1, y0: height, y1: -1, area: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const x = i % width;
      const y = (i - x) / width;
      c.area += 1;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (const dx of dy === 0 ? [-1, 1] : steps) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (!seen[j] && ink[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    components.push(c);
  }
  return components;
}

/** Middle value (mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
