import type { Account } from '../../../src-shared/schemas/accounts';
import { isApprover } from '../../../src-shared/permissions';
import { useT } from '../../app/i18n';
import { BentoGrid, BentoTile } from '../../ui/BentoGrid';
import { MyCoursesCard, UpcomingDeadlinesCard } from '../courses';
import { PendingAccountsCard } from '../approvals';
import { LiveSessionsCard } from '../sessions';
import { ActivityCard } from './ActivityCard';
import { GreetingCard } from './GreetingCard';
import { HubCard } from './HubCard';
import { SpectrumCard } from './SpectrumCard';

/** The student's dashboard: courses, deadlines, the week's activity, the resource spectrum, sessions. */
export function StudentHome({ account }: { account: Account }) {
  const t = useT();
  // An admin who registered as a student also approves accounts; the tiles shift to keep rows full.
  const approver = isApprover(account);
  return (
    <BentoGrid>
      <BentoTile size="twoThirds">
        <GreetingCard account={account} lead={t('home.student.lead')} />
      </BentoTile>
      <BentoTile size="third">
        <HubCard showAddress={false} />
      </BentoTile>
      <BentoTile size="twoThirds">
        <MyCoursesCard teacher={false} />
      </BentoTile>
      <BentoTile size="third">
        <UpcomingDeadlinesCard teacher={false} />
      </BentoTile>
      {approver && (
        <BentoTile size="third">
          <PendingAccountsCard />
        </BentoTile>
      )}
      <BentoTile size={approver ? 'twoThirds' : 'third'}>
        <ActivityCard />
      </BentoTile>
      <BentoTile size={approver ? 'twoThirds' : 'third'}>
        <SpectrumCard />
      </BentoTile>
      <BentoTile size="third">
        <LiveSessionsCard color="grape" />
      </BentoTile>
    </BentoGrid>
  );
}
