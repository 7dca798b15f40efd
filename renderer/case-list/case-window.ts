/**
 * Windowing arithmetic for a list of equal-height rows: only the rows in view (plus a margin)
 * are mounted, and only the store pages holding them are read and decrypted.
 */
export interface RowRange {
  /** Inclusive. */
  first: number;
  /** Exclusive. */
  end: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const bottom = Math.ceil((scrollTop + Math.max(viewportHeight, 0)) / rowHeight);
  return { first: Math.max(0, Math.min(top, total - 1) - overscan), end: Math.min(total, Math.max(bottom, top + 1) + overscan) };
}

/** Indexes of the fixed-size store pages covering a range of rows. */
export function pagesCovering(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(range.first / pageSize); page <= Math.floor((range.end - 1) / pageSize); page++) pages.push(page);
  return pages;
}

/** The scrollTop that brings a row fully into view, or the current one if it already is. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

/** Where the active row goes after a navigation key, or null for keys the list does not handle. */
export function moveActive(key: string, active: number, total: number, rowsPerView: number): number | null {
  if (total === 0) return null;
  const page = Math.max(1, rowsPerView - 1);
  const clamp = (n: number) => Math.min(total - 1, Math.max(0, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + page);
    case 'PageUp':
      return clamp(active - page);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}
