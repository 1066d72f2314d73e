import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useConfirmedAction } from '../../../ui/useConfirmedAction';
import { signOutEverywhere } from '../session';

/** Asks first: this signs out every device, including the classroom laptop someone else is using. */
export function SignOutEverywhereDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { busy, error, confirm } = useConfirmedAction(signOutEverywhere, () => {
    onClose();
    void navigate('/sign-in');
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('signOutEverywhere.title')} centered>
      <Stack>
        <Text>{t('signOutEverywhere.text')}</Text>
        {error !== undefined && <ErrorNotice error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={busy} onClick={() => void confirm()}>
            {t('signOutEverywhere.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
