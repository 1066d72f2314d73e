import { createElement } from 'react';
import type { AdminPersonRef } from '../../../src-shared/schemas/admin';
import type { MessageKey } from '../../app/i18n';
import { RecordPersonCell, dateTime } from './cells';
import type { CollectionColumn, CollectionQuery } from './collection';

type Breakpoint = CollectionColumn<unknown>['visibleFrom'];

/** The columns the record collections share: who, and when. */
export function personColumn<T>(
  name: string,
  label: MessageKey,
  person: (item: T) => AdminPersonRef,
  visibleFrom?: Breakpoint,
): CollectionColumn<T> {
  return {
    name,
    label,
    render: (item) => createElement(RecordPersonCell, { person: person(item) }),
    ...(visibleFrom ? { visibleFrom } : {}),
  };
}

export function timeColumn<T>(
  name: string,
  label: MessageKey,
  at: (item: T) => string,
  visibleFrom?: Breakpoint,
): CollectionColumn<T> {
  return {
    name,
    label,
    render: (item) => dateTime(at(item)),
    ...(visibleFrom ? { visibleFrom } : {}),
  };
}

/** The query every record list takes: the page, and the search words when there are any. */
export const pageAndSearch = ({ q, page, pageSize }: CollectionQuery) => ({
  page,
  pageSize,
  ...(q ? { q } : {}),
});
