import { IconChartDonut, IconActivity } from '@tabler/icons-react';
import type { Account } from '../../../src-shared/schemas/accounts';
import { isApprover } from '../../../src-shared/permissions';
import { useT } from '../../app/i18n';
import { BentoCard, CardEmpty } from '../../ui/BentoCard';
import { BentoGrid, BentoTile } from '../../ui/BentoGrid';
import { MyCoursesCard, UpcomingDeadlinesCard } from '../courses/components/HomeCourseCards';
import { PendingAccountsCard } from '../approvals/PendingAccountsCard';
import { LiveSessionsCard } from '../sessions/LiveSessionsCard';
import { GreetingCard } from './GreetingCard';
import { HubCard } from './HubCard';

/** The student's dashboard frame: later issues fill the tiles with courses, deadlines and activity. */
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
        <BentoCard
          title={t('home.student.activity')}
          icon={<IconActivity size={20} />}
          color="teal"
        >
          <CardEmpty title={t('home.student.activityEmpty')}>
            {t('home.student.activityEmptyText')}
          </CardEmpty>
        </BentoCard>
      </BentoTile>
      <BentoTile size={approver ? 'twoThirds' : 'third'}>
        <BentoCard
          title={t('home.student.spectrum')}
          icon={<IconChartDonut size={20} />}
          color="orange"
        >
          <CardEmpty title={t('home.student.spectrumEmpty')}>
            {t('home.student.spectrumEmptyText')}
          </CardEmpty>
        </BentoCard>
      </BentoTile>
      <BentoTile size="third">
        <LiveSessionsCard color="grape" />
      </BentoTile>
    </BentoGrid>
  );
}
