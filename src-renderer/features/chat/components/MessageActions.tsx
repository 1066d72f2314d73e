import { ActionIcon, Button, Group, Menu, Modal, Text } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import classes from '../chat.module.css';

/**
 * Edit and delete for your own message; for someone else's (`authorName`, as the
 * room's moderator) remove only. Deleting or removing asks first.
 */
export function MessageActions({
  onEdit,
  onDelete,
  authorName,
}: {
  onEdit?: () => void;
  onDelete: () => Promise<void>;
  authorName?: string;
}) {
  const t = useT();
  const removing = authorName !== undefined;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onDelete();
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            className={classes.actions}
            aria-label={t('chat.message.actions')}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {onEdit && (
            <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
              {t('chat.message.edit')}
            </Menu.Item>
          )}
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => setConfirming(true)}
          >
            {t(removing ? 'chat.message.remove' : 'chat.message.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t(removing ? 'chat.message.removeTitle' : 'chat.message.deleteTitle')}
        size="sm"
        closeButtonProps={{ 'aria-label': t('chat.close') }}
      >
        <Text size="sm">
          {removing ? t('chat.message.removeText', { authorName }) : t('chat.message.deleteText')}
        </Text>
        {error !== undefined && <ErrorNotice error={error} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('chat.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            {t(removing ? 'chat.message.remove' : 'chat.message.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
