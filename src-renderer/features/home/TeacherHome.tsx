import { useEffect } from 'react';
import type { Account } from '../../../src-shared/schemas/accounts';
import { useT } from '../../app/i18n';
import { BentoGrid, BentoTile } from '../../ui/BentoGrid';
import { PendingAccountsCard } from '../approvals';
import { LiveSessionsCard } from '../sessions';
import { PeopleSearchCard } from '../people';
import { ActivityCard } from './ActivityCard';
import { GreetingCard } from './GreetingCard';
import { HubCard } from './HubCard';
import { HostStatusTile } from '../desktop';
import { loadTeaching } from './teaching-store';
import { useLive } from '../../app/use-live';
import {
  TeachingCoursesCard,
  TeachingDeadlinesCard,
  TeachingGradingCard,
  TeachingStudentsCard,
} from './TeachingCards';

/**
 * "Faculty hub": the teacher's dashboard. Courses, students, grading and
 * deadlines come from the hub's teaching summary (one request instead of one
 * per course and deadline); approvals and live sessions keep their own cards.
 */
export function TeacherHome({ account }: { account: Account }) {
  const t = useT();
  useEffect(() => {
    void loadTeaching();
  }, []);
  // Hand-ins and grades of my courses come to me alone under the course topic.
  useLive(['course:*', `person:${account.id}`], loadTeaching);
  return (
    <BentoGrid>
      <BentoTile size="twoThirds">
        <GreetingCard account={account} lead={t('home.teacher.lead')} />
      </BentoTile>
      <BentoTile size="third">
        <HubCard showAddress />
      </BentoTile>
      <HostStatusTile />
      <BentoTile size="twoThirds">
        <TeachingCoursesCard />
      </BentoTile>
      <BentoTile size="third">
        <TeachingStudentsCard />
      </BentoTile>
      <BentoTile size="twoThirds">
        <TeachingGradingCard />
      </BentoTile>
      <BentoTile size="third">
        <TeachingDeadlinesCard />
      </BentoTile>
      <BentoTile size="twoThirds">
        <ActivityCard />
      </BentoTile>
      <BentoTile size="third">
        <PeopleSearchCard />
      </BentoTile>
      <BentoTile size="third">
        <PendingAccountsCard />
      </BentoTile>
      <BentoTile size="twoThirds">
        <LiveSessionsCard color="cyan" />
      </BentoTile>
    </BentoGrid>
  );
}
