import type { Account } from '../../../src-shared/schemas/accounts';
import { useT } from '../../app/i18n';
import { BentoGrid, BentoTile } from '../../ui/BentoGrid';
import { MyCoursesCard, UpcomingDeadlinesCard } from '../courses/components/HomeCourseCards';
import { ActiveStudentsCard } from '../courses/components/ActiveStudentsCard';
import { AwaitingGradingCard } from '../courses/components/AwaitingGradingCard';
import { PendingAccountsCard } from '../approvals/PendingAccountsCard';
import { LiveSessionsCard } from '../sessions/LiveSessionsCard';
import { GreetingCard } from './GreetingCard';
import { HubCard } from './HubCard';

/** "Faculty hub": the teacher's dashboard frame; approvals already work, the rest fills in later. */
export function TeacherHome({ account }: { account: Account }) {
  const t = useT();
  return (
    <BentoGrid>
      <BentoTile size="twoThirds">
        <GreetingCard account={account} lead={t('home.teacher.lead')} />
      </BentoTile>
      <BentoTile size="third">
        <HubCard showAddress />
      </BentoTile>
      <BentoTile size="twoThirds">
        <MyCoursesCard teacher />
      </BentoTile>
      <BentoTile size="third">
        <PendingAccountsCard />
      </BentoTile>
      <BentoTile size="third">
        <ActiveStudentsCard />
      </BentoTile>
      <BentoTile size="twoThirds">
        <AwaitingGradingCard />
      </BentoTile>
      <BentoTile size="third">
        <UpcomingDeadlinesCard teacher />
      </BentoTile>
      <BentoTile size="twoThirds">
        <LiveSessionsCard color="cyan" />
      </BentoTile>
    </BentoGrid>
  );
}
