import { Button, Group, TextInput } from '@mantine/core';
import { IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n';
import { BentoCard } from '../../ui/BentoCard';
import { SEARCH_PARAM } from './search-param';

/**
 * The search bar EduStream put on the teacher's dashboard: type a name,
 * username or email and land on the people page with the results.
 */
export function PeopleSearchCard() {
  const t = useT();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    void navigate(q ? `/people?${SEARCH_PARAM}=${encodeURIComponent(q)}` : '/people');
  }

  return (
    <BentoCard title={t('people.title')} icon={<IconUsersGroup size={20} />} color="indigo">
      <form onSubmit={submit} role="search" aria-label={t('people.searchLabel')}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('people.searchLabel')}
            placeholder={t('people.searchPlaceholderStaff')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            type="search"
          />
          <Button type="submit" variant="light">
            {t('people.searchSubmit')}
          </Button>
        </Group>
      </form>
    </BentoCard>
  );
}
