import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { Collection, CollectionAction } from './collection';

/** A row's actions: primary ones as buttons, the rest in a menu; confirmations and dialogs open here. */
export function RowActions<T>({
  collection,
  item,
  onChanged,
}: {
  collection: Collection<T>;
  item: T;
  onChanged: () => void;
}) {
  const t = useT();
  const name = collection.itemLabel(item);
  const [open, setOpen] = useState<CollectionAction<T>>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const actions = collection.actions.filter((a) => !a.visible || a.visible(item));
  const primary = actions.filter((a) => a.primary);
  const rest = actions.filter((a) => !a.primary);

  async function run(action: CollectionAction<T>) {
    if (!action.run) return;
    setBusy(action.name);
    setError(undefined);
    try {
      await action.run(item);
      setOpen(undefined);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  }
  function start(action: CollectionAction<T>) {
    setError(undefined);
    if (action.dialog || action.confirm) setOpen(action);
    else void run(action);
  }

  const Dialog = open?.dialog;
  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      {primary.map((action) => (
        <Button
          key={action.name}
          size="compact-sm"
          variant={action.color === 'gray' ? 'default' : 'filled'}
          loading={busy === action.name}
          onClick={() => start(action)}
          aria-label={`${t(action.label)}: ${name}`}
        >
          {t(action.label)}
        </Button>
      ))}
      {rest.length > 0 && (
        <Menu position="bottom-end" withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('admin.actionsFor', { name })}
              loading={busy !== undefined && !primary.some((a) => a.name === busy)}
            >
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {rest.map((action) =>
              action.to ? (
                <Menu.Item
                  key={action.name}
                  component={Link}
                  to={action.to(item)}
                  leftSection={<action.icon size={16} aria-hidden />}
                >
                  {t(action.label)}
                </Menu.Item>
              ) : (
                <Menu.Item
                  key={action.name}
                  color={action.color}
                  leftSection={<action.icon size={16} aria-hidden />}
                  onClick={() => start(action)}
                >
                  {t(action.label)}
                </Menu.Item>
              ),
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      {error !== undefined && !open && <ErrorNotice error={error} />}
      {Dialog && (
        <Dialog
          item={item}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) onChanged();
          }}
        />
      )}
      {open?.confirm && (
        <Modal
          opened
          onClose={() => setOpen(undefined)}
          title={t(open.label)}
          centered
          closeButtonProps={{ 'aria-label': t('dialog.close') }}
        >
          <Stack>
            <Text>{t(open.confirm, { name })}</Text>
            {error !== undefined && <ErrorNotice error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(undefined)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={open.color === 'red' ? 'red.9' : undefined}
                loading={busy === open.name}
                onClick={() => void run(open)}
              >
                {t(open.label)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}
