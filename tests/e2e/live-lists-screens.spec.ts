import type { Browser } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { shoot } from './shoot';
import { expectSignedInHome, signInThroughUi } from './helpers';

/**
 * Issue 14: the admin panel's lists, the teacher's Students page and the
 * People page, each open in its own browser and changed from another device
 * (the API); none reloads. Once the change shows, each screen is photographed
 * at 1280×800 and 390×844, light and dark, into tests/e2e/screenshots/
 * (git-ignored), and checked by axe.
 */
test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

/** The admin Ada, teacher Dana with Astronomy (Emma enrolled), Noah; new accounts wait for approval. */
async function world(hub: E2EHub) {
  const admin = await hub.signUp({
    username: 'admin',
    firstName: 'Ada',
    lastName: 'Lovelace',
    role: 'teacher',
  });
  const dana = await hub.signUp({
    username: 'prof_davis',
    firstName: 'Dana',
    lastName: 'Davis',
    role: 'teacher',
  });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Quill' });
  const noah = await hub.signUp({
    username: 'noah_w',
    firstName: 'Noah',
    lastName: 'Whitfield-Okonkwo',
  });
  const astronomy = (
    await hub.call('createCourse', {
      token: dana.token,
      body: { title: 'Astronomy for beginners', capacity: 30, code: 'AST1' },
    })
  ).body.id as string;
  await hub.call('enrol', { token: emma.token, params: { courseId: astronomy } });
  await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
  await hub.call('register', {
    body: {
      username: 'mia_r',
      firstName: 'Mia',
      lastName: 'Rossi',
      email: 'mia@school.test',
      password: 'Lantern-Orbit-42',
      role: 'student',
    },
  });
  return { admin, dana, noah, astronomy };
}

async function open(browser: Browser, hub: E2EHub, who: [string, string], path: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  await signInThroughUi(page, who[0]);
  await expectSignedInHome(page, who[1]);
  await page.goto(path);
  // Hints only reach a connected socket: wait for it, as a person sees the green dot.
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  return page;
}

test('admin lists, Students and People follow the hub live, and look finished at every size', async ({
  browser,
  hub,
}) => {
  test.setTimeout(180_000);
  const { admin, dana, noah, astronomy } = await world(hub);
  const approvals = await open(browser, hub, ['admin', 'Ada'], '/admin');
  const courses = await open(browser, hub, ['admin', 'Ada'], '/admin?tab=courses');
  const enrolments = await open(browser, hub, ['admin', 'Ada'], '/admin?tab=enrolments');
  const students = await open(browser, hub, ['prof_davis', 'Dana'], '/students');
  const people = await open(browser, hub, ['emma', 'Emma'], '/people');
  await expect(students.getByTestId('student-total')).toHaveText('1 student');
  await expect(people.getByTestId('people-results').getByRole('listitem')).toHaveCount(4);

  // Someone registers and waits: the admin's approvals list shows them.
  const liam = await hub.call('register', {
    body: {
      username: 'liam',
      firstName: 'Liam',
      lastName: 'Park',
      email: 'liam@school.test',
      password: 'Lantern-Orbit-42',
      role: 'student',
    },
  });
  expect(liam.status).toBe(201);
  await expect(approvals.getByTestId('collection-pending')).toContainText('@liam');

  // A new course, and a student enrolling: the admin's lists and Dana's Students page follow.
  const optics = await hub.call('createCourse', {
    token: dana.token,
    body: { title: 'Optics and light', capacity: 12, code: 'OPT2' },
  });
  expect(optics.status).toBe(201);
  await expect(courses.getByTestId('collection-courses')).toContainText('Optics and light');
  await hub.call('enrol', { token: noah.token, params: { courseId: astronomy } });
  await expect(students.getByTestId('student-total')).toHaveText('2 students');
  await expect(
    students.getByRole('listitem').filter({ hasText: 'Whitfield-Okonkwo' }),
  ).toBeVisible();
  const noahsPlace = enrolments
    .getByTestId('collection-enrolments')
    .getByRole('row')
    .filter({ hasText: 'Whitfield-Okonkwo' });
  await expect(noahsPlace).toContainText('AST1');

  // Liam approved on another device: he leaves the approvals list (Mia still waits) and joins People.
  const approved = await hub.call('approveAccount', {
    token: admin.token,
    params: { userId: liam.body.account.id },
  });
  expect(approved.status).toBe(200);
  await expect(approvals.getByTestId('collection-pending')).not.toContainText('@liam');
  await expect(approvals.getByTestId('collection-pending')).toContainText('@mia_r');
  await expect(people.getByTestId('people-results').getByRole('listitem')).toHaveCount(5);
  await expect(people.getByTestId('people-results')).toContainText('Liam Park');

  // On a phone the course column is hidden; the course code stays, under the student's name.
  await enrolments.setViewportSize({ width: 390, height: 844 });
  await expect(noahsPlace.getByText('AST1 · @noah_w')).toBeVisible();
  await enrolments.setViewportSize({ width: 1280, height: 800 });

  for (const [page, name] of [
    [approvals, 'admin-approvals'],
    [courses, 'admin-courses'],
    [enrolments, 'admin-enrolments'],
    [students, 'students'],
    [people, 'people'],
  ] as const)
    await shoot(page, `live-${name}`);
});
