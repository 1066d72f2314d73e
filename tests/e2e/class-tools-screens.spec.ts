import type { Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { classTool, expectNoReload, markPage, signedIn } from './class-helpers';
import { shoot } from './shoot';

/**
 * The class tools as a teacher and an admin see them: the tools' tabs on one
 * row on a desktop (a select on a phone), an admin looking in whose counts
 * move as the teacher's do, and a course's attendance history that follows
 * check-ins without a reload. Screenshots in test-results/screens/.
 */
test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

/** Grace teaches Physics; Emma and Milo are enrolled and in its live class. Ada is the admin. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'ada', firstName: 'Ada', lastName: 'Byron', role: 'teacher' });
  const teacher = await hub.signUp({
    username: 'davis',
    firstName: 'Grace',
    lastName: 'Davis',
    role: 'teacher',
  });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const milo = await hub.signUp({ username: 'milo', firstName: 'Milo', lastName: 'Park' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Physics', capacity: 30 },
  });
  const courseId = course.body.id as string;
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Lab 3: pendulums', courseId },
  });
  const joinToken = session.body.joinToken as string;
  for (const student of [emma, milo]) {
    await hub.call('enrol', { token: student.token, params: { courseId } });
    await hub.call('joinSession', { token: student.token, body: { token: joinToken } });
  }
  const sessionId = session.body.id as string;
  const attendance = {
    open: async () =>
      (
        await hub.call('openAttendance', {
          token: teacher.token,
          params: { sessionId },
          body: { lateAfterMinutes: 5 },
        })
      ).body.id as string,
    close: (windowId: string) =>
      hub.call('closeAttendance', { token: teacher.token, params: { windowId } }),
    checkIn: async (who: { token: string }) =>
      expect(
        (
          await hub.call('checkIn', {
            token: who.token,
            body: { token: joinToken, method: 'token' },
          })
        ).status,
      ).toBe(200),
  };
  return { emma, milo, courseId, sessionId, attendance };
}

async function openClass(page: Page, sessionId: string) {
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lab 3: pendulums' })).toBeVisible();
  await expect(page.getByTestId('class-tools')).toBeVisible();
}

/** The tabs' top edges: one value when the row does not wrap. */
const tabRows = (page: Page) =>
  page
    .getByTestId('class-tools-tabs')
    .getByRole('tab')
    .evaluateAll((tabs) => [
      ...new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))),
    ]);

test('the class tools fit one row on a desktop and a select on a phone; an admin looking in sees counts move', async ({
  browser,
  hub,
}) => {
  test.setTimeout(180_000);
  const { emma, sessionId, attendance } = await world(hub);
  const teacher = await signedIn(browser, hub, 'davis', 'Grace');
  await openClass(teacher.page, sessionId);
  const tabs = teacher.page.getByTestId('class-tools-tabs');
  await expect(tabs.getByRole('tab')).toHaveCount(6);
  expect(await tabRows(teacher.page)).toHaveLength(1);
  // All six fit: nothing is scrolled out of sight at 1280×800.
  expect(await tabs.evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
  // The short word under each icon is the start of the tab's full (accessible) name.
  await expect(classTool(teacher.page, 'Polls & quizzes')).toContainText('Polls');
  await shoot(teacher.page, 'class-tools-tabs', { fullPage: false, focus: 'class-tools' });

  await teacher.page.setViewportSize({ width: 390, height: 844 });
  await expect(tabs).toBeHidden();
  await expect(teacher.page.getByRole('combobox', { name: 'Class tool' })).toBeVisible();
  await teacher.page.setViewportSize({ width: 1280, height: 800 });

  const admin = await signedIn(browser, hub, 'ada', 'Ada');
  await openClass(admin.page, sessionId);
  await markPage(admin.page);
  await classTool(admin.page, 'Attendance').click();
  await attendance.open();
  const counts = admin.page.getByTestId('attendance-counts');
  await expect(counts).toHaveText('0 present · 0 late · 2 absent');
  await attendance.checkIn(emma);
  await expect(counts).toHaveText('1 present · 0 late · 1 absent');
  await shoot(admin.page, 'class-tools-admin-attendance', {
    fullPage: false,
    focus: 'class-tools',
  });

  // A question asked now arrives without a name (the class's packet); the admin, who moderates, sees whose it is.
  await classTool(admin.page, 'Questions').click();
  await expect(admin.page.getByTestId('questions-empty')).toBeVisible(); // loaded, listening
  await hub.call('askQuestion', {
    token: emma.token,
    params: { sessionId },
    body: { text: 'Does a longer string slow the swing?' },
  });
  const question = admin.page.getByTestId('class-tools').getByText('Does a longer string slow');
  await expect(question).toBeVisible();
  await expect(admin.page.getByTestId('question-author')).toContainText('Emma Stone');
  await expectNoReload(admin.page, 'the admin');
  expect([...teacher.uncaught, ...admin.uncaught]).toEqual([]);
});

test('a course’s attendance history follows check-ins without a reload', async ({
  browser,
  hub,
}) => {
  test.setTimeout(180_000);
  const { emma, milo, courseId, attendance } = await world(hub);
  const teacher = await signedIn(browser, hub, 'davis', 'Grace');
  await teacher.page.goto(`/courses/${courseId}?tab=attendance`);
  await expect(teacher.page.getByTestId('course-attendance-empty')).toBeVisible();
  await markPage(teacher.page);

  const windowId = await attendance.open();
  const history = teacher.page.getByTestId('course-attendance');
  const window = history.getByTestId('attendance-window');
  await expect(window).toHaveCount(1);
  await expect(window).toContainText('Open now');
  await window.getByRole('button', { name: 'Open the sheet' }).click();
  const rows = window.getByTestId('attendance-row');
  await expect(rows).toHaveCount(2);

  await attendance.checkIn(emma);
  await expect(window.getByTestId('attendance-window-counts')).toHaveText(
    '1 present · 0 late · 1 absent',
  );
  await expect(rows.filter({ hasText: 'Emma Stone' })).toContainText('Present');
  hub.later(10);
  await attendance.checkIn(milo);
  await expect(rows.filter({ hasText: 'Milo Park' })).toContainText('Late');
  await shoot(teacher.page, 'course-attendance-live', {
    fullPage: false,
    focus: 'course-attendance',
  });

  await attendance.close(windowId);
  await expect(window).not.toContainText('Open now');
  await expect(window.getByTestId('attendance-window-counts')).toHaveText(
    '1 present · 1 late · 0 absent',
  );
  await expectNoReload(teacher.page, 'the teacher');
  expect(teacher.uncaught).toEqual([]);
});
