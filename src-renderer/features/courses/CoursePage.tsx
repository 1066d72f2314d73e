import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Skeleton,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { IconArchive, IconDownload, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { CourseId } from '../../../src-shared/schemas/courses';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { api } from '../../app/hub-client';
import { courseStore, dropCourse, enrolHere, openCourse, refreshCourse } from './course-store';
import { useLive } from '../../app/use-live';
import { authStore } from '../auth';
import { fetchFile } from '../../app/file-transfer';
import { teacherName } from './components/CourseCard';
import { statusTone, tones } from '../../ui/tones';
import { AnnouncementsPanel } from './components/AnnouncementsPanel';
import { DeadlinesPanel } from './components/DeadlinesPanel';
import { FeedbackPanel } from './components/FeedbackPanel';
import { GradebookPanel } from './components/GradebookPanel';
import { MyGradesPanel } from './components/MyGradesPanel';
import { JoinCodeCard } from './components/JoinCodeCard';
import { MaterialsPanel } from './components/MaterialsPanel';
import { StudentsPanel } from './components/StudentsPanel';
import { OpenChatButton } from '../chat';
import { useAccount } from '../auth';
import { CourseDownloadButton } from '../desktop';
import { DeviceBoardPanel } from '../device-board';
import { CourseAttendancePanel } from '../class-tools';
import { CourseAdminActions } from './components/CourseAdminActions';

/** `/courses/:courseId`: the course as its teacher or a student sees it. */
export function CoursePage() {
  const t = useT();
  const { courseId } = useParams() as { courseId: CourseId };
  const course = courseStore.use((s) => s.course);
  const account = useAccount();
  const materials = courseStore.use((s) => s.materials);
  const status = courseStore.use((s) => s.status);
  const error = courseStore.use((s) => s.error);
  const contentError = courseStore.use((s) => s.contentError);
  // `?tab=` lets a link (a notification) open a tab; the hash after it points at the item.
  const [search, setSearch] = useSearchParams();
  // A calendar entry links here with ?deadline=…: open on the deadlines.
  const tab = search.get('tab') ?? (search.has('deadline') ? 'deadlines' : 'overview');
  const setTab = (value: string | null) =>
    setSearch(value && value !== 'overview' ? { tab: value } : {}, { replace: true });
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void openCourse(courseId);
  }, [courseId]);
  const myId = authStore.use((s) => s.account?.id);
  useLive([`course:${courseId}`, myId && `person:${myId}`], () => refreshCourse(courseId));

  if (status === 'failed')
    return <ErrorNotice error={error} onRetry={() => void openCourse(courseId)} />;
  if (!course || course.id !== courseId)
    return (
      <Stack aria-busy data-testid="skeleton">
        <Skeleton h={40} w="60%" />
        <Skeleton h={200} radius="lg" />
      </Stack>
    );

  const manages = course.joinCode !== undefined;
  const enrolment = course.myEnrolment?.status;
  const member = manages || enrolment === 'active';
  // An admin looking in reads the stream (and may delete) without managing the course.
  const inspects = account?.isAdmin === true;
  // A link to a tab this person does not have (a roster, after being blocked) shows the overview.
  const tabs = [
    'overview',
    ...(member || inspects ? ['stream'] : []),
    ...(member ? ['materials', 'deadlines'] : []),
    ...(manages ? ['students', 'attendance', 'devices'] : []),
    ...(manages || enrolment ? ['grades'] : []),
    'feedback',
  ];
  const shownTab = tabs.includes(tab) ? tab : 'overview';
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    action()
      .catch(setActionError)
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageHeader
        title={course.title}
        description={`${course.code} · ${t('courses.taughtBy', { name: teacherName(course) })}`}
      />
      <Stack gap="md">
        <Group gap="xs">
          {enrolment && (
            <Badge {...tones[statusTone(enrolment)]}>{t(`courses.status.${enrolment}`)}</Badge>
          )}
          {course.archived && <Badge {...tones.muted}>{t('courses.archived')}</Badge>}
          {!manages && enrolment !== 'active' && enrolment !== 'blocked' && (
            <Button size="xs" loading={busy} onClick={() => run(() => enrolHere(course.id))}>
              {t('courses.enrol')}
            </Button>
          )}
          {member && <OpenChatButton room={`course:${course.id}`} />}
          {member && <CourseDownloadButton course={course} materials={materials} />}
          {manages && <CourseAdminActions course={course} />}
          {manages && (
            <Button
              size="xs"
              variant="default"
              ml="auto"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() =>
                run(() =>
                  fetchFile(
                    api.url('gradesCsv', { courseId: course.id }),
                    `${course.code}-grades.csv`,
                  ),
                )
              }
            >
              {t('courses.grade.csv')}
            </Button>
          )}
        </Group>
        {actionError !== undefined && <ErrorNotice error={actionError} />}
        {enrolment === 'blocked' && (
          <Alert
            color="red"
            icon={<IconLock size={20} aria-hidden />}
            title={t('courses.blocked.title')}
          >
            {t('courses.blocked.text')}
          </Alert>
        )}
        {course.archived && (
          <Alert color="gray" icon={<IconArchive size={20} aria-hidden />}>
            {t('courses.archive.notice')}
          </Alert>
        )}
        {contentError !== undefined && <ErrorNotice error={contentError} />}
        <Tabs value={shownTab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="overview">{t('courses.tab.overview')}</Tabs.Tab>
            {(member || inspects) && (
              <Tabs.Tab value="stream">{t('course.tabs.announcements')}</Tabs.Tab>
            )}
            {member && <Tabs.Tab value="materials">{t('courses.tab.materials')}</Tabs.Tab>}
            {member && <Tabs.Tab value="deadlines">{t('courses.tab.deadlines')}</Tabs.Tab>}
            {manages && <Tabs.Tab value="students">{t('courses.tab.students')}</Tabs.Tab>}
            {manages && <Tabs.Tab value="attendance">{t('classTools.tab.attendance')}</Tabs.Tab>}
            {manages && <Tabs.Tab value="devices">{t('courses.tab.devices')}</Tabs.Tab>}
            {(manages || enrolment) && (
              <Tabs.Tab value="grades">
                {manages ? t('courses.tab.gradebook') : t('courses.tab.myGrades')}
              </Tabs.Tab>
            )}
            {/* The hub shows a course's feedback to its people and staff only. */}
            {(member || enrolment === 'completed') && (
              <Tabs.Tab value="feedback">{t('courses.tab.feedback')}</Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="overview">
            <Stack>
              <Card shadow="xs">
                <Stack gap="sm">
                  <Text style={{ whiteSpace: 'pre-wrap' }}>
                    {course.description || t('courses.noDescription')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('courses.seats', {
                      enrolled: course.enrolledCount,
                      capacity: course.capacity,
                    })}
                  </Text>
                  <Progress
                    value={(course.enrolledCount / Math.max(1, course.capacity)) * 100}
                    aria-label={t('courses.seatsLabel')}
                  />
                </Stack>
              </Card>
              {manages && <JoinCodeCard course={course} />}
              {enrolment === 'active' && (
                <Group>
                  <Button
                    color="red"
                    variant="light"
                    loading={busy}
                    onClick={() => run(() => dropCourse(course.id))}
                  >
                    {t('courses.drop')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="stream">
            <AnnouncementsPanel course={course} manages={manages} />
          </Tabs.Panel>
          <Tabs.Panel value="materials">
            <MaterialsPanel course={course} manages={manages} />
          </Tabs.Panel>
          <Tabs.Panel value="deadlines">
            <DeadlinesPanel course={course} manages={manages} />
          </Tabs.Panel>
          <Tabs.Panel value="students">
            <StudentsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="attendance">
            <CourseAttendancePanel course={course} />
          </Tabs.Panel>
          <Tabs.Panel value="devices">
            <DeviceBoardPanel course={course} />
          </Tabs.Panel>
          <Tabs.Panel value="grades">
            {manages ? <GradebookPanel course={course} /> : <MyGradesPanel course={course} />}
          </Tabs.Panel>
          <Tabs.Panel value="feedback">
            <FeedbackPanel course={course} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
