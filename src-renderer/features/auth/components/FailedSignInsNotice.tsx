import { Alert } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { useT } from '../../../app/i18n';
import { failedSignInsStore } from '../failed-sign-ins-store';

/** Tells the owner, once after signing in, that wrong passwords were typed for their account. */
export function FailedSignInsNotice() {
  const t = useT();
  const notice = failedSignInsStore.use((state) => state.notice);
  if (!notice) return null;
  return (
    <Alert
      color="orange"
      mb="md"
      icon={<IconShieldExclamation aria-hidden />}
      title={t('signIn.guessed.title')}
      withCloseButton
      closeButtonLabel={t('signIn.guessed.close')}
      onClose={() => failedSignInsStore.set({ notice: undefined })}
      role="alert"
    >
      {t('signIn.guessed.text', {
        count: notice.count,
        address: notice.lastAddress,
        time: new Date(notice.lastAt).toLocaleString(),
      })}
    </Alert>
  );
}
