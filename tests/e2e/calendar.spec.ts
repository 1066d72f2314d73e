import { expect, test, type E2EHub } from '../support/e2e-hub';
import { axeViolations, settle } from './axe';
import { signInThroughUi } from './helpers';

/**
 * The calendar: a student opens it from the navigation and follows a
 * deadline to its course and a session to its page; then every size and
 * scheme is photographed into tests/e2e/screenshots/ and checked with axe.
 * Entries start a few minutes from now so they fall on today's square (a
 * run in the five minutes before local midnight would see them tomorrow).
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Biology', capacity: 30, code: 'BIO2A' },
  });
  const courseId = course.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const deadlines = [
    { title: 'Lab report: enzymes', dueAt: at(5 * MINUTE) },
    { title: 'Reading: chapter 4', dueAt: at(DAY + 30 * MINUTE) },
    { title: 'Field trip form', dueAt: at(3 * DAY) },
  ];
  const ids: string[] = [];
  for (const body of deadlines)
    ids.push(
      (await hub.call('createDeadline', { token: teacher.token, params: { courseId }, body })).body
        .id,
    );
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: {
      title: 'Revision class',
      courseId,
      startsAt: at(2 * MINUTE),
      endsAt: at(62 * MINUTE),
    },
  });
  await hub.call('joinSession', { token: student.token, body: { token: session.body.joinToken } });
  return {
    courseId,
    deadlineId: ids[0]!,
    sessionId: session.body.id as string,
    teacherToken: teacher.token,
  };
}

test.use({ bypassCSP: true });

test('a student opens the calendar and follows a deadline and a session', async ({ page, hub }) => {
  const { courseId, deadlineId, sessionId, teacherToken } = await world(hub);
  await signInThroughUi(page, 'emma');
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole('link', { name: 'Calendar' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Deadline Lab report: enzymes/ })).toBeVisible();
  // A deadline the teacher adds now appears without a reload.
  await hub.call('createDeadline', {
    token: teacherToken,
    params: { courseId },
    body: { title: 'Pop quiz', dueAt: new Date(Date.now() + 10 * MINUTE).toISOString() },
  });
  await expect(page.getByRole('link', { name: /^Deadline Pop quiz/ })).toBeVisible();
  await page.getByRole('link', { name: /^Deadline Lab report: enzymes/ }).click();
  await expect(page).toHaveURL(`/courses/${courseId}?deadline=${deadlineId}`);
  await expect(page.getByRole('tab', { name: 'Deadlines' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.goBack();
  await page.getByText('Week', { exact: true }).click();
  await page.getByRole('link', { name: /^Session Revision class/ }).click();
  await expect(page).toHaveURL(`/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Revision class' })).toBeVisible();
});

for (const size of sizes) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`calendar on a ${size.name} in ${scheme} looks finished and passes axe`, async ({
      page,
      hub,
    }) => {
      test.setTimeout(60_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      await world(hub);
      await signInThroughUi(page, 'davis');
      await expect(page).toHaveURL(/\/home$/);
      await page.goto('/calendar');
      await expect(page.getByRole('link', { name: /^Deadline Lab report/ })).toBeVisible();
      for (const view of ['month', 'week'] as const) {
        if (view === 'week') await page.getByText('Week', { exact: true }).click();
        await settle(page);
        await page.screenshot({
          path: `tests/e2e/screenshots/calendar-${size.name}-${scheme}-${view}.png`,
          fullPage: true,
          animations: 'disabled',
        });
        expect(await axeViolations(page), view).toEqual([]);
      }
    });
  }
}
