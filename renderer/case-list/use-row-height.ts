import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One height for every row, so windowing stays simple arithmetic, but measured rather than fixed
 * in pixels: a ruler sized in rem follows the text scale (200 % doubles it), and a row whose text
 * wraps further (a long name at a large scale) raises the height for all rows, so nothing is clipped.
 */
export function useRowHeight(fallback: number): { rowHeight: number; ruler: (el: HTMLElement | null) => void; measureRow: (el: HTMLElement | null) => (() => void) | undefined } {
  const [rowHeight, setRowHeight] = useState(fallback);
  const observed = useRef(new Set<HTMLElement>());
  const rulerEl = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);

  const recompute = useCallback(() => {
    let tallest = rulerEl.current?.offsetHeight ?? 0;
    for (const el of observed.current) tallest = Math.max(tallest, el.offsetHeight);
    if (tallest > 0) setRowHeight(Math.ceil(tallest));
  }, []);

  useEffect(() => {
    const watcher = new ResizeObserver(recompute);
    observer.current = watcher;
    if (rulerEl.current) watcher.observe(rulerEl.current);
    for (const el of observed.current) watcher.observe(el);
    return () => {
      watcher.disconnect();
      observer.current = null;
    };
  }, [recompute]);

  const ruler = useCallback((el: HTMLElement | null) => {
    if (rulerEl.current) observer.current?.unobserve(rulerEl.current);
    rulerEl.current = el;
    if (el) observer.current?.observe(el);
  }, []);

  const measureRow = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    observed.current.add(el);
    observer.current?.observe(el);
    return () => {
      observed.current.delete(el);
      observer.current?.unobserve(el);
    };
  }, []);

  return { rowHeight, ruler, measureRow };
}
