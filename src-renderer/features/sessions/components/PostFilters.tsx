import { Button, Collapse, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { loadPosts } from '../session-actions';
import {
  filtersActive,
  noFilters,
  sessionStore,
  type PostFilters as Filters,
} from '../session-store';
import { fullName } from './SessionList';

/** Text search always at hand; author, files and dates behind a Filters button. */
export function PostFilters() {
  const t = useT();
  const members = sessionStore.use((s) => s.members);
  const [filters, setFilters] = useState<Filters>(sessionStore.get().filters);
  const [more, setMore] = useState(false);
  const searchText = useDebouncedCallback((next: Filters) => void loadPosts(next), 300);

  function change(patch: Partial<Filters>, debounce = false) {
    const next = { ...filters, ...patch };
    setFilters(next);
    if (debounce) searchText(next);
    else void loadPosts(next);
  }

  const authors = members.map((m) => ({ value: m.user.id, label: fullName(m.user) }));
  return (
    <Stack gap="xs" role="search" aria-label={t('sessions.filters.label')}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          label={t('sessions.filters.text')}
          placeholder={t('sessions.filters.textPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={filters.q}
          onChange={(event) => change({ q: event.currentTarget.value }, true)}
          style={{ flex: 1 }}
        />
        <Button
          variant={more ? 'light' : 'default'}
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          aria-expanded={more}
          onClick={() => setMore((open) => !open)}
        >
          {t('sessions.filters.more')}
        </Button>
      </Group>
      <Collapse expanded={more}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <Select
            label={t('sessions.filters.author')}
            data={[{ value: '', label: t('sessions.filters.anyone') }, ...authors]}
            value={filters.authorId}
            allowDeselect={false}
            onChange={(value) => change({ authorId: (value ?? '') as Filters['authorId'] })}
          />
          <Select
            label={t('sessions.filters.files')}
            data={[
              { value: 'any', label: t('sessions.filters.filesAny') },
              { value: 'true', label: t('sessions.filters.filesYes') },
              { value: 'false', label: t('sessions.filters.filesNo') },
            ]}
            value={filters.hasFiles}
            allowDeselect={false}
            onChange={(value) => change({ hasFiles: (value ?? 'any') as Filters['hasFiles'] })}
          />
          <TextInput
            type="date"
            label={t('sessions.filters.from')}
            value={filters.from}
            onChange={(event) => change({ from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('sessions.filters.to')}
            value={filters.to}
            onChange={(event) => change({ to: event.currentTarget.value })}
          />
        </SimpleGrid>
      </Collapse>
      {filtersActive(filters) && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              setFilters(noFilters);
              void loadPosts(noFilters);
            }}
          >
            {t('sessions.filters.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
