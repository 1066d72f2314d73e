import { Alert, Button } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useT } from '../app/i18n';
import { errorText } from '../app/i18n/error-text';

/** A friendly, specific error with an optional way to try again. */
export function ErrorNotice({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title ?? t('error.title')}
      icon={<IconAlertCircle size={20} aria-hidden />}
    >
      {errorText(error, t)}
      {onRetry && (
        <Button variant="default" size="compact-sm" ml="xs" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      )}
    </Alert>
  );
}
