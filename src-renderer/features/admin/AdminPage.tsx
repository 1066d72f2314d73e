import { Card, Select, Tabs, Text } from '@mantine/core';
import { IconArchive, IconSettings } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { RefuseToHome } from '../../app/refused';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useAccount } from '../auth';
import { collections } from './collections';
import { CollectionTable } from './CollectionTable';
import { BackupPanel } from './BackupPanel';
import { HubSettingsForm } from './HubSettingsForm';

const SETTINGS = 'settings';
const BACKUPS = 'backups';

/** `/admin`: one tab per collection (collections.ts) plus the hub settings and backups; `?tab=` keeps the tab on reload. */
export function AdminPage() {
  const t = useT();
  const account = useAccount();
  const [search, setSearch] = useSearchParams();
  if (account && !account.isAdmin) return <RefuseToHome page="admin" />;
  const tab = search.get('tab') ?? collections[0]?.name ?? SETTINGS;
  const show = (value: string | null) => setSearch(value ? { tab: value } : {}, { replace: true });
  const sections = [
    ...collections.map((collection) => ({ value: collection.name, label: t(collection.title) })),
    { value: SETTINGS, label: t('settings.title') },
    { value: BACKUPS, label: t('backup.title') },
  ];

  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.subtitle')} />
      {/* A dozen tabs wrap into a wall on a phone: there, one select picks the section. */}
      <Select
        hiddenFrom="sm"
        mb="md"
        label={t('admin.sectionPicker')}
        data={sections}
        value={tab}
        allowDeselect={false}
        onChange={show}
        data-testid="admin-section-select"
      />
      <Tabs value={tab} onChange={show} keepMounted={false}>
        <Tabs.List mb="md" visibleFrom="sm">
          {collections.map((collection) => (
            <Tabs.Tab
              key={collection.name}
              value={collection.name}
              leftSection={<collection.icon size={16} aria-hidden />}
            >
              {t(collection.title)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value={SETTINGS} leftSection={<IconSettings size={16} aria-hidden />}>
            {t('settings.title')}
          </Tabs.Tab>
          <Tabs.Tab value={BACKUPS} leftSection={<IconArchive size={16} aria-hidden />}>
            {t('backup.title')}
          </Tabs.Tab>
        </Tabs.List>
        {collections.map((collection) => (
          <Tabs.Panel key={collection.name} value={collection.name}>
            <Card shadow="xs" p={{ base: 'sm', sm: 'lg' }}>
              <Text size="sm" c="dimmed" mb="md">
                {t(collection.description)}
              </Text>
              <CollectionTable collection={collection} />
            </Card>
          </Tabs.Panel>
        ))}
        <Tabs.Panel value={SETTINGS}>
          <Card shadow="xs" maw={760}>
            <Text size="sm" c="dimmed" mb="md">
              {t('settings.description')}
            </Text>
            <HubSettingsForm />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value={BACKUPS}>
          <Card shadow="xs" maw={760}>
            <Text size="sm" c="dimmed" mb="md">
              {t('backup.description')}
            </Text>
            <BackupPanel />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
