import { Group, Pagination, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Page } from '../../../src-shared/pagination';
import type { Role, UserSummary } from '../../../src-shared/schemas/accounts';
import { api } from '../../app/hub-client';
import { useLive } from '../../app/use-live';
import { useT } from '../../app/i18n';
import { CardEmpty, CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { PersonRow } from './PersonRow';
import { SEARCH_PARAM } from './search-param';

const PAGE_SIZE = 12;
type RoleFilter = Role | 'all';

/** `/people`: find anyone on the hub as you type; emails only for teachers and admins (the hub decides). */
export function PeopleSearchPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.get(SEARCH_PARAM) ?? '');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [role, setRole] = useState<RoleFilter>('all');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page<UserSummary>>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => setPage(1), [debounced, role]);
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    api
      .call('searchUsers', {
        query: {
          page,
          pageSize: PAGE_SIZE,
          ...(debounced ? { q: debounced } : {}),
          ...(role === 'all' ? {} : { role }),
        },
        signal: controller.signal,
      })
      .then(setResult, (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      });
    return () => controller.abort();
  }, [debounced, role, page, attempt]);
  useLive(['people'], () => setAttempt((n) => n + 1));

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader title={t('people.title')} description={t('people.subtitle')} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            flex="1 1 16rem"
            label={t('people.searchLabel')}
            placeholder={t('people.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            type="search"
          />
          <SegmentedControl
            aria-label={t('people.roleFilter')}
            value={role}
            onChange={(value) => setRole(value as RoleFilter)}
            data={[
              { value: 'all', label: t('people.everyone') },
              { value: 'student', label: t('people.students') },
              { value: 'teacher', label: t('people.teachers') },
            ]}
          />
        </Group>
        {error !== undefined && (
          <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {!result && error === undefined && <CardSkeleton lines={4} />}
        {result && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('people.count', { count: result.total })}
          </Text>
        )}
        {result && result.items.length === 0 && (
          <CardEmpty title={t('people.emptyTitle')} icon={<IconUsersGroup size={24} />}>
            {t('people.emptyText')}
          </CardEmpty>
        )}
        {result && result.items.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="people-results"
          >
            {result.items.map((person) => (
              <PersonRow key={person.id} person={person} />
            ))}
          </Stack>
        )}
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(n) => ({ 'aria-label': t('pagination.page', { page: n }) })}
          />
        )}
      </Stack>
    </>
  );
}
