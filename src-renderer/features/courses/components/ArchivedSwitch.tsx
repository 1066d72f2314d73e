import { Switch } from '@mantine/core';
import { useT } from '../../../app/i18n';
import { catalogueStore, setFilters } from '../catalogue-store';

/**
 * Catalogue filter for teachers and admins: archived courses leave the
 * catalogue, so this is the way back to one (to read it or unarchive it).
 */
export function ArchivedSwitch() {
  const t = useT();
  const archived = catalogueStore.use((s) => s.archived);
  return (
    <Switch
      label={t('courses.filter.archived')}
      checked={archived}
      onChange={(event) => setFilters({ archived: event.currentTarget.checked })}
      mb={8}
    />
  );
}
