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
