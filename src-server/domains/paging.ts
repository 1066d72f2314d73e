import type { Page, PageQuery } from '../../src-shared/pagination';
import type { Slice, Window } from '../storage/repositories';

export function windowOf(query: PageQuery): Window {
  return { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
}

export function pageOf<T, R>(slice: Slice<T>, query: PageQuery, map: (item: T) => R): Page<R> {
  return {
    items: slice.items.map(map),
    page: query.page,
    pageSize: query.pageSize,
    total: slice.total,
  };
}

/** One page of an in-memory list, each item shown through `show` (which may be async). */
export async function pageOfList<T, R = T>(
  all: readonly T[],
  query: PageQuery,
  show?: (item: T) => R | Promise<R>,
): Promise<Page<R>> {
  const start = (query.page - 1) * query.pageSize;
  const slice = all.slice(start, start + query.pageSize);
  const items = show ? await Promise.all(slice.map(show)) : (slice as unknown as R[]);
  return { items, page: query.page, pageSize: query.pageSize, total: all.length };
}
