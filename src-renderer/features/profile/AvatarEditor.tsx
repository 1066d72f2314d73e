import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Account } from '../../../src-shared/schemas/accounts';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AvatarCropDialog } from './AvatarCropDialog';
import { loadImage } from './crop-image';
import { removeAvatar, uploadAvatar } from './profile-actions';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/** Your picture with "change" (pick → crop → upload) and "remove" (back to initials). */
export function AvatarEditor({ account }: { account: Account }) {
  const t = useT();
  const [picked, setPicked] = useState<{
    image: HTMLImageElement;
    type: string;
    revoke: () => void;
  }>();
  const [error, setError] = useState<unknown>();
  const [removing, setRemoving] = useState(false);
  const hasPicture = !account.avatarUrl.endsWith('v=initials');
  const name = `${account.firstName} ${account.lastName}`;

  async function pick(file: File | null) {
    setError(undefined);
    if (!file) return;
    try {
      const { image, revoke } = await loadImage(file);
      setPicked({ image, type: file.type, revoke });
    } catch {
      setError(new Error('not an image'));
    }
  }
  function close() {
    picked?.revoke();
    setPicked(undefined);
  }
  async function remove() {
    setRemoving(true);
    setError(undefined);
    try {
      await removeAvatar();
    } catch (failure) {
      setError(failure);
    } finally {
      setRemoving(false);
    }
  }

  return (
    <Stack align="center" gap="xs">
      <Avatar
        src={account.avatarUrl}
        name={name}
        color="initials"
        alt={t('profile.avatarAlt')}
        size={112}
        radius={112}
      />
      <Group gap="xs" justify="center">
        <FileButton onChange={(file) => void pick(file)} accept={ACCEPT}>
          {(props) => (
            <Button
              {...props}
              size="compact-sm"
              variant="light"
              leftSection={<IconPhotoUp size={16} />}
            >
              {t('avatar.change')}
            </Button>
          )}
        </FileButton>
        {hasPicture && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            loading={removing}
            onClick={() => void remove()}
            leftSection={<IconTrash size={16} />}
          >
            {t('avatar.remove')}
          </Button>
        )}
      </Group>
      {error instanceof Error && error.message === 'not an image' ? (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {t('avatar.notAnImage')}
        </Text>
      ) : (
        error !== undefined && <ErrorNotice error={error} />
      )}
      <AvatarCropDialog
        image={picked?.image}
        type={picked?.type ?? 'image/png'}
        onCancel={close}
        onSave={async (blob) => {
          await uploadAvatar(blob);
          close();
        }}
      />
    </Stack>
  );
}
