import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { expectSignedInHome, field, signInThroughUi } from './helpers';

/** A real (tiny) PDF: the hub checks uploads by their content. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const SHOTS = 'tests/e2e/screenshots';

/** Desktop 1280×800 and phone 390×844 screenshots of the page as it is now. */
async function snap(page: Page, name: string) {
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // The app shell animates between its phone and desktop layouts.
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/courses-${name}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function signedInPage(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return page;
}

test('a course from creation to a graded submission', async ({ page, browser, hub }) => {
  test.setTimeout(90_000);
  await hub.signUp({ username: 'root', role: 'teacher' });
  await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });

  // The teacher creates a course…
  await signInThroughUi(page, 'davis');
  await expectSignedInHome(page, 'Grace');
  await page.getByRole('link', { name: 'Courses' }).first().click();
  await page.getByRole('button', { name: 'New course' }).click();
  await field(page, 'Title').fill('Algorithms');
  await field(page, 'Description').fill('Sorting, searching and graphs.');
  await page.getByRole('textbox', { name: /Capacity/ }).fill('25');
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Algorithms' })).toBeVisible();
  await expect(page.getByText(/^CS101 · Taught by Grace/)).toBeVisible();
  await expect(page.getByTestId('join-code')).not.toBeEmpty();
  await snap(page, 'teacher-overview');

  // …uploads a material…
  await page.getByRole('tab', { name: 'Materials' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload material' }).click();
  await (
    await chooser
  ).setFiles({ name: 'syllabus.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByText('syllabus.pdf', { exact: true })).toBeVisible();
  await expect(page.getByText(/Document · \d+ B · syllabus\.pdf/)).toBeVisible();
  await snap(page, 'teacher-materials');

  // …and sets a deadline a week away.
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('button', { name: 'New deadline' }).click();
  await field(page, 'Title').fill('Sorting exercise');
  await page.getByRole('button', { name: 'Save' }).click();
  const deadline = page.getByRole('article', { name: 'Sorting exercise' });
  await expect(deadline.getByRole('timer')).toHaveText(/^\d+ days?, \d+ hours? left$/);

  // A student enrols from the catalogue, downloads the material and submits.
  const student = await signedInPage(browser, hub, 'emma', 'Emma');
  await student.goto('/courses');
  await expect(student.getByText('0 of 25 seats taken')).toBeVisible();
  await snap(student, 'catalogue');
  await student.getByRole('button', { name: 'Enrol in Algorithms' }).click();
  await expect(student.getByText('1 of 25 seats taken')).toBeVisible();
  await student.getByRole('link', { name: 'Open course' }).click();
  await student.getByRole('tab', { name: 'Materials' }).click();
  const download = student.waitForEvent('download');
  await student.getByRole('button', { name: 'Download syllabus.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('syllabus.pdf');

  // A rename by the teacher reaches the student's open page live, without a reload.
  await page.getByRole('tab', { name: 'Materials' }).click();
  await page.getByRole('button', { name: 'Rename syllabus.pdf' }).click();
  await page.getByRole('textbox', { name: 'New title' }).fill('Course syllabus');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(student.getByText('Course syllabus', { exact: true })).toBeVisible();

  await student.getByRole('tab', { name: 'Deadlines' }).click();
  await student.getByRole('button', { name: 'Your work' }).click();
  const files = student.waitForEvent('filechooser');
  await student.getByRole('button', { name: /^Files/ }).click();
  await (await files).setFiles({ name: 'answer.pdf', mimeType: 'application/pdf', buffer: PDF });
  await student
    .getByRole('textbox', { name: 'Comment for your teacher' })
    .fill('Merge sort, as asked.');
  await student.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(student.getByText('Version 1')).toBeVisible();
  await snap(student, 'student-deadlines');

  // The teacher grades it…
  await page.reload();
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('button', { name: 'Submissions' }).click();
  const row = page.getByRole('region', { name: 'Emma Quill' });
  await expect(row.getByText('Handed in', { exact: true })).toBeVisible();
  await row.getByRole('textbox', { name: /Points/ }).fill('90');
  await row.getByRole('textbox', { name: 'Feedback' }).fill('Clean and correct.');
  await row.getByRole('button', { name: 'Save grade' }).click();
  await expect(row.getByRole('status')).toHaveText(/Grade saved/);
  await expect(row.getByText('Graded', { exact: true })).toBeVisible();
  await snap(page, 'teacher-grading');

  // …and the student sees the grade and feedback.
  await student.reload();
  await student.getByRole('tab', { name: 'Deadlines' }).click();
  await student.getByRole('button', { name: 'Your work' }).click();
  await expect(student.getByText('Your grade: 90 / 100')).toBeVisible();
  await expect(student.getByText('Clean and correct.')).toBeVisible();
  await snap(student, 'student-graded');

  await page.getByRole('tab', { name: 'Students' }).click();
  await expect(page.getByText('@emma')).toBeVisible();
  await snap(page, 'teacher-students');

  // Both dashboards show the course and the deadline with its countdown.
  await student.goto('/home');
  const studentCourses = student.getByRole('region', { name: 'Your courses' });
  await expect(studentCourses.getByRole('link', { name: 'CS101 · Algorithms' })).toBeVisible();
  const due = student.getByRole('region', { name: 'Upcoming deadlines' });
  await expect(due.getByRole('link', { name: 'Sorting exercise' })).toBeVisible();
  await expect(due.getByRole('timer')).toHaveText(/left$/);
  await snap(student, 'student-home');
  await page.goto('/home');
  await expect(page.getByText('1 / 25')).toBeVisible();
  await expect(page.getByTestId('active-students')).toHaveText('1');
  await snap(page, 'teacher-home');
});
