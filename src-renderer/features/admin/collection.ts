import type { Icon } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import type { Page } from '../../../src-shared/pagination';
import type { MessageKey, Translate } from '../../app/i18n';

/**
 * One kind of thing the admin panel manages, described as data. The panel
 * renders any collection the same way — search, filters, table, pagination,
 * per-row actions — so a later issue adds sessions or courses by writing one
 * `Collection` and listing it in `collections.ts`.
 */
export interface Collection<T> {
  /** URL-safe name, used as the tab value and in test ids. */
  readonly name: string;
  readonly title: MessageKey;
  readonly description: MessageKey;
  readonly icon: Icon;
  readonly searchable: boolean;
  readonly filters: readonly CollectionFilter[];
  readonly columns: readonly CollectionColumn<T>[];
  readonly actions: readonly CollectionAction<T>[];
  /** What a row is called in labels ("Edit Emma Quill"). */
  itemLabel(item: T): string;
  itemKey(item: T): string;
  load(query: CollectionQuery): Promise<Page<T>>;
  readonly emptyTitle: MessageKey;
  readonly emptyText: MessageKey;
}

export interface CollectionQuery {
  readonly q: string | undefined;
  readonly page: number;
  readonly pageSize: number;
  /** Filter name → chosen value; a filter left at "all" is absent. */
  readonly filters: Readonly<Record<string, string>>;
}

export interface CollectionFilter {
  readonly name: string;
  readonly label: MessageKey;
  readonly options: readonly { value: string; label: MessageKey }[];
  /** What the unfiltered choice shows ("All" unless the hub's default is narrower). */
  readonly allLabel?: MessageKey;
}

export interface CollectionColumn<T> {
  readonly name: string;
  readonly label: MessageKey;
  render(item: T, t: Translate): ReactNode;
  /** Hidden on narrow windows below this breakpoint (the first column never hides). */
  readonly visibleFrom?: 'sm' | 'md' | 'lg';
}

/**
 * A row action: `run` for a direct call (with `confirm` to ask first), or
 * `dialog` for one that needs a form; either way the table reloads after.
 * Or `to`: a link to the page where the record is moderated.
 */
export interface CollectionAction<T> {
  readonly name: string;
  readonly label: MessageKey;
  readonly icon: Icon;
  readonly color?: string;
  /** Asks before running: a message with `{name}`. */
  readonly confirm?: MessageKey;
  /** Shown inline as a button rather than in the row's menu. */
  readonly primary?: boolean;
  readonly visible?: (item: T) => boolean;
  run?(item: T): Promise<unknown>;
  readonly dialog?: ComponentType<ActionDialogProps<T>>;
  /** Opens a page of the app instead (in the row's menu): where the record is moderated. */
  readonly to?: (item: T) => string;
}

export interface ActionDialogProps<T> {
  readonly item: T;
  /** `changed`: reload the table. */
  onClose(changed: boolean): void;
}
