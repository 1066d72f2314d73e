import { Badge, Button, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CheckInResult } from '../../../../src-shared/schemas/class-tools/attendance';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { STATUS_TONES } from './AttendanceSheetView';

/**
 * Where the QR code on the teacher's screen leads: opening it (signed in,
 * or after signing in) checks the student in with the token it carries.
 * Opening it twice is harmless: the hub answers the first check-in.
 */
export function CheckInPage() {
  const t = useT();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [result, setResult] = useState<CheckInResult>();
  const [error, setError] = useState<unknown>();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void api.call('checkIn', { body: { token, method: 'link' } }).then(setResult, setError);
  }, [token]);
  return (
    <Container size="xs" py="xl">
      <Card withBorder p="lg">
        <Stack gap="md" data-testid="check-in-page">
          <Title order={1} size="h3">
            {t('classTools.attendance.pageTitle')}
          </Title>
          {!result && error === undefined && <Text>{t('classTools.attendance.checkingIn')}</Text>}
          {result && (
            <>
              <Text>{t('classTools.attendance.checkedInTo', { title: result.sessionTitle })}</Text>
              <Badge size="lg" {...STATUS_TONES[result.status]} data-testid="check-in-status">
                {t(`classTools.attendance.${result.status}`)}
              </Badge>
              <Button component={Link} to={`/sessions/${result.sessionId}`} variant="light">
                {t('classTools.attendance.toSession')}
              </Button>
            </>
          )}
          {error !== undefined && <ErrorNotice error={error} />}
        </Stack>
      </Card>
    </Container>
  );
}
