import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/*
 * What the page list needs to know of its scrolling box: how wide it is
 * (for "fit width"), which page boxes are near the screen (only those hold
 * a canvas), and keeping the same place in view across a zoom.
 */

/** The element's inner width, followed as it resizes. */
export function useElementWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(() => setWidth(target.clientWidth));
    observer.observe(target);
    setWidth(target.clientWidth);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/**
 * The pages whose boxes are on screen or within half a screen of it: a
 * scanned page can be megabytes, so nothing further is drawn ahead.
 */
export function useVisiblePages(
  scroller: RefObject<HTMLElement | null>,
  pageBoxes: RefObject<Map<number, HTMLDivElement>>,
  count: number,
): ReadonlySet<number> {
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set([1]));
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((before) => {
          const next = new Set(before);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        }),
      { root, rootMargin: '50% 0px' },
    );
    for (const box of pageBoxes.current.values()) observer.observe(box);
    return () => observer.disconnect();
  }, [scroller, pageBoxes, count]);
  return visible;
}

/** Zooming keeps the same place in view: the scroll position grows with the scale. */
export function useKeepPlaceOnZoom(scroller: RefObject<HTMLElement | null>, scale: number): void {
  const lastScale = useRef(scale);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && lastScale.current !== scale && lastScale.current > 0)
      element.scrollTop = element.scrollTop * (scale / lastScale.current);
    lastScale.current = scale;
  }, [scroller, scale]);
}
