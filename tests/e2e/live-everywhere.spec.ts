import type { Browser, Page } from '@playwright/test';
import { expect as baseExpect, test, type E2EHub } from '../support/e2e-hub';
import { upload } from '../support/files';
import { signInThroughUi } from './helpers';

/**
 * Issue 14, point 1: a teacher, two students and the admin, each in their
 * own browser, none reloading, see every change appear on the screens that
 * show it — hand-in, grade, enrolment, new material, new deadline, approval
 * request, block, removal. The changes are made through the API (another
 * device); the screens only follow the hub's live hints.
 */
const expect = baseExpect.configure({ timeout: 3_000 });

/** A real (tiny) PDF: the hub checks uploads by their content. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Signs in through the UI and opens each path in its own tab of the same browser context. */
async function screens(browser: Browser, hub: E2EHub, username: string, paths: string[]) {
  const context = await browser.newContext({ baseURL: hub.url });
  const first = await context.newPage();
  await signInThroughUi(first, username);
  await baseExpect(first).toHaveURL(/\/home$/);
  const pages: Page[] = [first];
  for (let i = 1; i < paths.length; i++) pages.push(await context.newPage());
  for (const [i, path] of paths.entries()) {
    await pages[i]!.goto(path);
    // Hints only reach a connected socket: wait for it, as a person sees the green dot.
    await baseExpect(pages[i]!.getByTestId('connection-indicator')).toHaveAttribute(
      'data-state',
      'connected',
    );
  }
  return pages;
}

/** A home tile: a section named by its title. */
const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

test('every screen follows the hub for each change, without a reload', async ({ browser, hub }) => {
  test.setTimeout(120_000);
  const admin = await hub.signUp({ username: 'root', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const liam = await hub.signUp({ username: 'liam', firstName: 'Liam', lastName: 'Walker' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Optics', description: 'Light and lenses.', capacity: 10 },
    })
  ).body.id as string;
  await hub.call('enrol', { token: emma.token, params: { courseId } });
  const essayId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: {
        title: 'Essay',
        dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        maxPoints: 10,
      },
    })
  ).body.id as string;
  const course = `/courses/${courseId}`;

  const [teacherHome, roster, grading] = await screens(browser, hub, 'davis', [
    '/home',
    `${course}?tab=students`,
    `${course}?tab=deadlines`,
  ]);
  const [emmaHome, emmaCourse] = await screens(browser, hub, 'emma', [
    '/home',
    `${course}?tab=deadlines`,
  ]);
  const [liamCatalogue, liamCourse] = await screens(browser, hub, 'liam', ['/courses', course]);
  const [adminHome] = await screens(browser, hub, 'root', ['/home']);
  await grading!.getByRole('button', { name: 'Submissions' }).click();
  await expect(grading!.getByText('Emma Stone', { exact: true })).toBeVisible();
  await emmaCourse!.getByRole('button', { name: 'Your work' }).click();
  await expect(liamCourse!.getByText('1 of 10 seats taken')).toBeVisible();

  // Hand-in: the teacher's "Waiting for grading", the grading table and the bell.
  const file = await upload(
    `${hub.url}/api/uploads`,
    emma.token,
    'file',
    Buffer.from('my essay'),
    'essay.txt',
    'text/plain',
    'POST',
  );
  await hub.call('submit', {
    token: emma.token,
    params: { deadlineId: essayId },
    body: { fileIds: [file.body.id] },
  });
  await expect(
    card(teacherHome!, 'Waiting for grading').getByText('Emma Stone · Essay'),
  ).toBeVisible();
  await expect(grading!.getByRole('button', { name: 'Save grade' })).toBeVisible();
  await expect(bell(teacherHome!)).toHaveAccessibleName(/unread/);

  // Grade: the student's open work shows it; it leaves the teacher's list.
  await hub.call('gradeSubmission', {
    token: teacher.token,
    params: { deadlineId: essayId, userId: emma.id },
    body: { points: 9, feedback: 'Clear and careful.' },
  });
  await expect(emmaCourse!.getByText('Your grade: 9 / 10')).toBeVisible();
  await expect(
    card(teacherHome!, 'Waiting for grading').getByText('Emma Stone · Essay'),
  ).toBeHidden();

  // Enrolment: roster and seats for the teacher, the course opening up for Liam, the catalogue.
  await hub.call('enrol', { token: liam.token, params: { courseId } });
  await expect(roster!.getByText('Liam Walker')).toBeVisible();
  await expect(liamCourse!.getByRole('tab', { name: 'Materials' })).toBeVisible();
  await expect(liamCourse!.getByText('2 of 10 seats taken')).toBeVisible();
  await expect(liamCatalogue!.getByText('2 of 10 seats taken')).toBeVisible();

  // New material: the students' activity and the course's Materials tab.
  const pdf = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    PDF,
    'lenses.pdf',
    'application/pdf',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: pdf.body.id, title: 'Lens diagrams' },
  });
  await expect(card(emmaHome!, 'Activity').getByText(/Lens diagrams/)).toBeVisible();
  await emmaCourse!.getByRole('tab', { name: 'Materials' }).click();
  await expect(emmaCourse!.getByText('Lens diagrams')).toBeVisible();

  // New deadline: the students' "Upcoming deadlines" and the teacher's home.
  await hub.call('createDeadline', {
    token: teacher.token,
    params: { courseId },
    body: { title: 'Lab report', dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() },
  });
  await expect(card(emmaHome!, 'Upcoming deadlines').getByText('Lab report')).toBeVisible();
  await expect(card(teacherHome!, 'Upcoming deadlines').getByText('Lab report')).toBeVisible();

  // Approval request: the admin's and the teacher's "Waiting for approval".
  await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
  await hub.call('register', {
    body: {
      username: 'nora',
      firstName: 'Nora',
      lastName: 'Quinn',
      email: 'nora@school.test',
      password: emma.password,
      role: 'student',
    },
  });
  await expect(card(adminHome!, 'Waiting for approval').getByText('Nora Quinn')).toBeVisible();
  await expect(card(teacherHome!, 'Waiting for approval').getByText('Nora Quinn')).toBeVisible();

  // Block: Liam's course page says why at once; the roster marks him.
  await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: liam.id },
    body: { status: 'blocked' },
  });
  await expect(liamCourse!.getByText('You are blocked from this course')).toBeVisible();
  await expect(roster!.getByText('Blocked').first()).toBeVisible();

  // Removal: Emma's course page closes its content; she leaves the roster.
  await hub.call('removeEnrolment', {
    token: teacher.token,
    params: { courseId, userId: emma.id },
  });
  await expect(emmaCourse!.getByRole('button', { name: 'Enrol' })).toBeVisible();
  await expect(emmaCourse!.getByRole('tab', { name: 'Materials' })).toBeHidden();
  await expect(roster!.getByText('Emma Stone')).toBeHidden();

  // The new notifications open their thing: the approvals list, and the hand-ins to grade.
  await bell(adminHome!).click();
  await adminHome!
    .getByTestId('notification')
    .filter({ hasText: 'Nora Quinn is waiting for approval' })
    .click();
  await expect(adminHome!).toHaveURL(/\/home#approvals$/);
  await expect(card(adminHome!, 'Waiting for approval').getByText('Nora Quinn')).toBeVisible();

  await bell(teacherHome!).click();
  await teacherHome!
    .getByTestId('notification')
    .filter({ hasText: 'Emma Stone handed in Essay' })
    .click();
  await expect(teacherHome!).toHaveURL(
    new RegExp(`${course}\\?tab=deadlines#deadline-${essayId}$`),
  );
  // The assignment's hand-ins open at once (everyone in it has since been removed or blocked).
  await expect(
    teacherHome!
      .getByRole('article', { name: 'Essay' })
      .getByRole('button', { name: 'Submissions' }),
  ).toHaveAttribute('aria-expanded', 'true');
});
