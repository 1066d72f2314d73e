import { Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { UserSummary } from '../../../../src-shared/schemas/accounts';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useAccount } from '../../auth';
import { openDirect } from '../chat-actions';
import classes from '../chat.module.css';
import { chatPath } from '../room-names';
import { fullName, PresenceAvatar } from './PresenceAvatar';

/** "New message": find a person, open (or find) your conversation with them. */
export function NewMessageModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const me = useAccount();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 250);
  const [people, setPeople] = useState<UserSummary[]>();
  const [error, setError] = useState<unknown>();
  const [opening, setOpening] = useState<string>();

  useEffect(() => {
    if (!opened || q === '') {
      setPeople(undefined);
      return;
    }
    let current = true;
    setError(undefined);
    api
      .call('searchUsers', { query: { q, pageSize: 8 } })
      .then((page) => current && setPeople(page.items.filter((p) => p.id !== me?.id)))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [q, opened, me?.id]);

  const start = async (person: UserSummary) => {
    setOpening(person.id);
    setError(undefined);
    try {
      const room = await openDirect(person.id);
      onClose();
      setQuery('');
      void navigate(chatPath(room));
    } catch (e) {
      setError(e);
    } finally {
      setOpening(undefined);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('chat.newMessage')}
      size="md"
      closeButtonProps={{ 'aria-label': t('chat.close') }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={t('chat.findPerson')}
          description={t('chat.findPersonHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        {error !== undefined && <ErrorNotice error={error} />}
        {people?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('chat.noPeople', { query: q })}
          </Text>
        )}
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {people?.map((person) => (
            <li key={person.id}>
              <UnstyledButton
                className={classes.roomButton}
                onClick={() => void start(person)}
                disabled={opening !== undefined}
              >
                <Group gap="sm" wrap="nowrap">
                  <PresenceAvatar person={person} size={32} />
                  <Stack gap={0} flex={1} miw={0}>
                    <Text size="sm" fw={600} truncate>
                      {fullName(person)}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      @{person.username}
                    </Text>
                  </Stack>
                  {opening === person.id && <Loader size="xs" />}
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
