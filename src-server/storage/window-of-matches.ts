import type { Slice, Window } from './repositories';

/**
 * The window of `newestFirst` records that pass `matches`, and how many pass
 * in all: every record is tested, because the total must count every match
 * (the admin panel's record search, the one whole-collection walk). Both
 * engines page a filtered listing this one way, so their totals agree.
 */
export function windowOfMatches<T>(
  newestFirst: Iterable<T>,
  window: Window,
  matches: (record: T) => boolean,
): Slice<T> {
  const items: T[] = [];
  let total = 0;
  for (const candidate of newestFirst) {
    if (!matches(candidate)) continue;
    if (total >= window.offset && items.length < window.limit) items.push(candidate);
    total++;
  }
  return { items, total };
}
