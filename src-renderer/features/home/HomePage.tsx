import { Grid, Skeleton } from '@mantine/core';
import { RefusedNotice } from '../../app/refused';
import { useAccount } from '../auth';
import { StudentHome } from './StudentHome';
import { TeacherHome } from './TeacherHome';

/** `/home`: the dashboard of the signed-in person's role. */
export function HomePage() {
  const account = useAccount();
  if (!account) return <HomeSkeleton />;
  return (
    <>
      <RefusedNotice />
      {account.role === 'teacher' ? (
        <TeacherHome account={account} />
      ) : (
        <StudentHome account={account} />
      )}
    </>
  );
}

/** The bento shape in grey while the account loads, so nothing jumps when it arrives. */
function HomeSkeleton() {
  return (
    <Grid gap="lg" aria-busy data-testid="skeleton">
      {[8, 4, 8, 4, 4, 4, 4].map((span, i) => (
        <Grid.Col key={i} span={{ base: 12, lg: span }}>
          <Skeleton h={i < 2 ? 180 : 150} radius="lg" />
        </Grid.Col>
      ))}
    </Grid>
  );
}
