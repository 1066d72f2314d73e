import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { axeViolations, settle } from './axe';
import { downloaded } from './class-helpers';
import { expectSignedInHome, field, signInThroughUi } from './helpers';

test.use({ bypassCSP: true });
test.setTimeout(120_000);

async function signedIn(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return page;
}

const tool = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** Both sizes, looked at and checked with axe. */
async function screens(page: Page, name: string) {
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.mouse.move(0, 0); // no hover colours in the picture or the contrast check
    await settle(page);
    await page.screenshot({
      path: `test-results/screens/class-tools-${name}-${size}.png`,
      fullPage: true,
    });
    expect(await axeViolations(page), `${name} at ${size}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a lesson: attendance with one late, a quiz revealed with scores, an exit ticket, CSV exports', async ({
  page,
  browser,
  hub,
}) => {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'kim', firstName: 'Kim', role: 'teacher' });
  const ann = await hub.signUp({ username: 'ann', firstName: 'Ann', lastName: 'Adams' });
  const ben = await hub.signUp({ username: 'ben', firstName: 'Ben', lastName: 'Brown' });
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Biology', capacity: 9 },
    })
  ).body;
  for (const s of [ann, ben])
    await hub.call('enrol', { token: s.token, params: { courseId: course.id } });
  const session = (
    await hub.call('createSession', {
      token: teacher.token,
      body: { title: 'Cells, lesson 3', description: '', courseId: course.id },
    })
  ).body;
  await hub.call('joinSession', { token: ben.token, body: { token: session.joinToken } });

  // The teacher opens check-in: the token, its QR code and the link it carries.
  await signInThroughUi(page, 'kim');
  await expectSignedInHome(page, 'Kim');
  await page.goto(`/sessions/${session.id}`);
  await tool(page, 'Attendance');
  await field(page, 'Late after, in minutes').fill('1');
  await page.getByRole('button', { name: 'Open check-in' }).click();
  await expect(page.getByTestId('check-in-qr')).toBeVisible();
  const link = (await page.getByTestId('check-in-link').getAttribute('href')) ?? '';
  expect(link).toContain('/check-in?token=');
  await screens(page, 'attendance-teacher');

  // Ann scans the code: the link checks her in (and joins her to the session).
  const annPage = await signedIn(browser, hub, 'ann', 'Ann');
  await annPage.goto(new URL(link).pathname + new URL(link).search);
  await expect(annPage.getByTestId('check-in-status')).toHaveText('Present');
  await screens(annPage, 'check-in-link');

  // Two minutes later Ben types the token on the session page: late.
  hub.later(2);
  const benPage = await signedIn(browser, hub, 'ben', 'Ben');
  await benPage.goto(`/sessions/${session.id}`);
  await tool(benPage, 'Attendance');
  await field(benPage, 'Session token').fill(session.joinToken);
  await screens(benPage, 'attendance-student');
  await benPage.getByRole('button', { name: 'Check in' }).click();
  await expect(benPage.getByTestId('my-attendance')).toHaveText('Late');
  await expect(page.getByTestId('attendance-counts')).toHaveText('1 present · 1 late · 0 absent');
  await expect(page.getByTestId('attendance-row')).toHaveCount(2);

  // A quiz: written, opened, answered by both, revealed with each one's score.
  await tool(page, 'Polls & quizzes');
  await page.getByRole('button', { name: 'New poll or quiz' }).click();
  const dialog = page.getByRole('dialog', { name: 'New poll or quiz' });
  await dialog.getByText('Quiz', { exact: true }).click();
  await field(dialog, 'Title').fill('Cell parts');
  await field(dialog, 'Question 1').fill('Which is the powerhouse of the cell?');
  await field(dialog, 'Options').fill('Nucleus\nMitochondrion\nRibosome');
  await dialog.getByRole('checkbox', { name: 'Mitochondrion' }).check();
  await screens(page, 'quiz-composer');
  await dialog.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('poll-state')).toHaveText('Open');

  await annPage.getByRole('link', { name: 'Go to the session' }).click();
  for (const [student, choice] of [
    [annPage, 'Mitochondrion'],
    [benPage, 'Nucleus'],
  ] as const) {
    await tool(student, 'Polls & quizzes');
    await student.getByRole('radio', { name: choice }).check();
    await student.getByRole('button', { name: 'Send answer' }).click();
    await expect(student.getByTestId('poll-answer-saved')).toBeVisible();
  }
  await screens(annPage, 'quiz-student-open');
  await expect(page.getByText('2 answers')).toBeVisible();
  await screens(page, 'quiz-teacher-open');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(annPage.getByTestId('poll-score')).toHaveText('Your score: 1 / 1');
  await expect(benPage.getByTestId('poll-score')).toHaveText('Your score: 0 / 1');
  await screens(benPage, 'quiz-student-revealed');

  // The exit ticket: asked, answered, read in one list.
  await tool(page, 'Exit ticket');
  await field(page, 'Exit ticket question').fill('One thing you learned today?');
  await page.getByRole('button', { name: 'Ask the class' }).click();
  await tool(annPage, 'Exit ticket');
  await field(annPage, 'Your answer').fill('Mitochondria make the energy');
  await screens(annPage, 'exit-ticket-student');
  await annPage.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(annPage.getByTestId('my-exit-answer')).toContainText('Mitochondria make the energy');
  await expect(page.getByTestId('exit-answered')).toHaveText('1 answer');
  await expect(page.getByTestId('exit-answer')).toContainText('Mitochondria make the energy');
  await screens(page, 'exit-ticket-teacher');

  // The exports.
  await tool(page, 'Attendance');
  const attendance = await downloaded(page, () =>
    page.getByRole('button', { name: 'Export CSV' }).click(),
  );
  const rows = attendance.trim().split('\r\n');
  expect(rows).toHaveLength(3);
  expect(rows[1]).toContain('"Adams","Ann","ann","present"');
  expect(rows[2]).toContain('"Brown","Ben","ben","late"');
  await tool(page, 'Polls & quizzes');
  const quiz = await downloaded(page, () =>
    page.getByRole('button', { name: 'Export CSV' }).click(),
  );
  const lines = quiz.trim().split('\r\n');
  expect(lines[0]).toContain('"Q1 Which is the powerhouse of the cell?","score (/1)"');
  expect(lines[1]).toMatch(/^"Adams","Ann","ann",.*"Mitochondrion","1"$/);
  expect(lines[2]).toMatch(/^"Brown","Ben","ben",.*"Nucleus","0"$/);
});
