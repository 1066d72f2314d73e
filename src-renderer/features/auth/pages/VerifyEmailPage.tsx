import { Button, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Account } from '../../../../src-shared/schemas/accounts';
import { isApiError } from '../../../api/api-error';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import { StatusScreen } from '../../../ui/StatusScreen';
import { useIsSignedIn } from '../auth-store';
import { ResendVerification } from '../components/ResendVerification';

/**
 * A link works once, and React runs effects twice in development: the same
 * token's request is shared, so the second run does not spend it again.
 */
const verifications = new Map<string, Promise<Account>>();
function verify(token: string): Promise<Account> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = api.call('verifyEmail', { body: { token } });
    verifications.set(token, pending);
  }
  return pending;
}

type Outcome =
  { kind: 'working' } | { kind: 'done'; account: Account } | { kind: 'failed'; error: unknown };

/** `/verify-email?token=…`: the link the hub emails. */
export function VerifyEmailPage() {
  const t = useT();
  const token = useSearchParams()[0].get('token') ?? '';
  const signedIn = useIsSignedIn();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });

  useEffect(() => {
    if (!token) return;
    verify(token).then(
      (account) => setOutcome({ kind: 'done', account }),
      (error: unknown) => setOutcome({ kind: 'failed', error }),
    );
  }, [token]);

  if (!token || outcome.kind === 'failed') {
    const failure = outcome.kind === 'failed' ? outcome.error : undefined;
    const expired = isApiError(failure, 'GONE');
    return (
      <StatusScreen
        icon={<IconLinkOff size={32} stroke={1.6} />}
        color="red"
        title={expired ? t('verify.expiredTitle') : t('verify.invalidTitle')}
        actions={<ResendVerification />}
      >
        <Text>
          {!token
            ? t('verify.noToken')
            : expired
              ? t('verify.expiredText')
              : isApiError(failure, 'NOT_FOUND')
                ? t('verify.invalidText')
                : errorText(failure, t)}
        </Text>
        <Text>{t('verify.askAgain')}</Text>
      </StatusScreen>
    );
  }
  if (outcome.kind === 'working') {
    return (
      <Stack align="center" mt={80} gap="md" role="status">
        <Loader aria-hidden />
        <Text c="dimmed">{t('verify.working')}</Text>
      </Stack>
    );
  }
  const active = outcome.account.status === 'active';
  return (
    <StatusScreen
      icon={<IconCircleCheck size={32} stroke={1.6} />}
      color="teal"
      title={t('verify.doneTitle')}
      actions={
        <Button component={Link} to={signedIn ? '/home' : '/sign-in'}>
          {signedIn ? t('common.goHome') : t('verify.signIn')}
        </Button>
      }
    >
      <Text>{active ? t('verify.doneActive') : t('verify.donePending')}</Text>
    </StatusScreen>
  );
}
