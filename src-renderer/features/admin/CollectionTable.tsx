import { Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Page } from '../../../src-shared/pagination';
import { useT } from '../../app/i18n';
import { useLive } from '../../app/use-live';
import { CardEmpty, CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { Collection } from './collection';
import { RowActions } from './RowActions';

const PAGE_SIZE = 20;

/** Renders any admin collection: search, filters, a table, pagination and row actions. */
export function CollectionTable<T>({ collection }: { collection: Collection<T> }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 250);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page<T>>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((n) => n + 1);

  useEffect(() => setPage(1), [q, filters]);
  useEffect(() => {
    let current = true;
    setError(undefined);
    collection
      .load({ q: q || undefined, page, pageSize: PAGE_SIZE, filters })
      .then((next) => current && setResult(next))
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [collection, q, filters, page, version]);
  // Admins hear of every change the panel lists; a refetch keeps the page and filters.
  useLive(['admin'], reload);

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const hasActions = collection.actions.length > 0;
  return (
    <Stack gap="md" data-testid={`collection-${collection.name}`}>
      {(collection.searchable || collection.filters.length > 0) && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {collection.searchable && (
            <TextInput
              flex="1 1 14rem"
              type="search"
              label={t('admin.search')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          )}
          {collection.filters.map((filter) => (
            <Select
              key={filter.name}
              w={{ base: '100%', xs: 170 }}
              label={t(filter.label)}
              value={filters[filter.name] ?? 'all'}
              allowDeselect={false}
              data={[
                { value: 'all', label: t(filter.allLabel ?? 'admin.filterAll') },
                ...filter.options.map((o) => ({ value: o.value, label: t(o.label) })),
              ]}
              onChange={(value) =>
                setFilters((current) => {
                  const next = { ...current };
                  if (!value || value === 'all') delete next[filter.name];
                  else next[filter.name] = value;
                  return next;
                })
              }
            />
          ))}
        </Group>
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={reload} />}
      {!result && error === undefined && <CardSkeleton lines={5} />}
      {result && result.items.length === 0 && (
        <CardEmpty title={t(collection.emptyTitle)}>{t(collection.emptyText)}</CardEmpty>
      )}
      {result && result.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('admin.count', { count: result.total })}
          </Text>
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" horizontalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {collection.columns.map((column) => (
                    <Table.Th key={column.name} visibleFrom={column.visibleFrom}>
                      {t(column.label)}
                    </Table.Th>
                  ))}
                  {hasActions && (
                    <Table.Th ta="right">
                      <Text span size="sm" fw={700}>
                        {t('admin.column.actions')}
                      </Text>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((item) => (
                  <Table.Tr key={collection.itemKey(item)}>
                    {collection.columns.map((column) => (
                      <Table.Td key={column.name} visibleFrom={column.visibleFrom}>
                        {column.render(item, t)}
                      </Table.Td>
                    ))}
                    {hasActions && (
                      <Table.Td>
                        <RowActions collection={collection} item={item} onChanged={reload} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}
