import { describe, expect, it } from 'vitest';
import { moveActive, pagesCovering, scrollToReveal, visibleRows } from '../../../renderer/case-list/case-window';

describe('list windowing', () => {
  it('mounts the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleRows(0, 600, 60, 10_000, 5)).toEqual({ first: 0, end: 15 });
    expect(visibleRows(6000, 600, 60, 10_000, 5)).toEqual({ first: 95, end: 115 });
    expect(visibleRows(599_400, 600, 60, 10_000, 5)).toEqual({ first: 9985, end: 10_000 });
    expect(visibleRows(30, 600, 60, 3, 5)).toEqual({ first: 0, end: 3 });
  });

  it('mounts nothing for an empty list and at least one row for an unmeasured viewport', () => {
    expect(visibleRows(0, 600, 60, 0, 5)).toEqual({ first: 0, end: 0 });
    expect(visibleRows(0, 0, 60, 100, 0)).toEqual({ first: 0, end: 1 });
    expect(visibleRows(0, 600, 0, 100, 5)).toEqual({ first: 0, end: 0 });
  });

  it('stays inside the list when the scroll position is stale after the list shrank', () => {
    expect(visibleRows(60_000, 600, 60, 20, 2)).toEqual({ first: 17, end: 20 });
  });

  it('reads only the store pages that hold the mounted rows', () => {
    expect(pagesCovering({ first: 0, end: 15 }, 50)).toEqual([0]);
    expect(pagesCovering({ first: 45, end: 65 }, 50)).toEqual([0, 1]);
    expect(pagesCovering({ first: 9985, end: 10_000 }, 50)).toEqual([199]);
    expect(pagesCovering({ first: 0, end: 0 }, 50)).toEqual([]);
  });

  it('scrolls just enough to reveal the active row', () => {
    expect(scrollToReveal(5, 0, 600, 60)).toBe(0);
    expect(scrollToReveal(10, 0, 600, 60)).toBe(60);
    expect(scrollToReveal(2, 600, 600, 60)).toBe(120);
  });

  it.each([
    ['ArrowDown', 3, 4],
    ['ArrowUp', 3, 2],
    ['ArrowUp', 0, 0],
    ['ArrowDown', 99, 99],
    ['PageDown', 3, 12],
    ['PageUp', 5, 0],
    ['Home', 50, 0],
    ['End', 3, 99],
    ['a', 3, null],
    ['Tab', 3, null],
  ] as const)('%s from row %i goes to %s', (key, from, to) => {
    expect(moveActive(key, from, 100, 10)).toBe(to);
  });

  it('has nowhere to move in an empty list', () => {
    expect(moveActive('ArrowDown', 0, 0, 10)).toBeNull();
  });
});
