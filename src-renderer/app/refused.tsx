import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Navigate, useLocation } from 'react-router';
import { useT } from './i18n';

/** Pages kept for one role; someone else who opens one lands on their dashboard, told why. */
export type RoleOnlyPage = 'students' | 'admin';

interface RefusedState {
  readonly refused?: RoleOnlyPage;
}

/** As EduStream did for a student at a teacher's URL: an error message and a redirect home. */
export function RefuseToHome({ page }: { page: RoleOnlyPage }) {
  return <Navigate to="/home" replace state={{ refused: page } satisfies RefusedState} />;
}

/** The message on the dashboard after a refusal; nothing otherwise. */
export function RefusedNotice() {
  const t = useT();
  const refused = (useLocation().state as RefusedState | null)?.refused;
  if (refused !== 'students' && refused !== 'admin') return null;
  return (
    <Alert color="red" icon={<IconLock size={18} />} mb="lg" role="alert">
      {t(`home.refused.${refused}`)}
    </Alert>
  );
}
