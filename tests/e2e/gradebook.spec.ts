import type { Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { TINY_PNG, upload } from '../support/files';
import { axeViolations, settle } from './axe';
import { signInThroughUi } from './helpers';

/** Issue 15 point 2: grading in the gradebook with the keyboard; a student sees their own row. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' }); // the first account is the admin
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const students = [];
  for (const [username, firstName, lastName] of [
    ['emma', 'Emma', 'Adams'],
    ['liam', 'Liam', 'Brown'],
  ] as const)
    students.push(await hub.signUp({ username, firstName, lastName, role: 'student' }));
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Algorithms', capacity: 5 },
    })
  ).body.id as string;
  const deadlines: string[] = [];
  for (const [title, days] of [
    ['Sorting', -1],
    ['Graphs', 3],
  ] as const) {
    deadlines.push(
      (
        await hub.call('createDeadline', {
          token: teacher.token,
          params: { courseId },
          body: {
            title,
            dueAt: new Date(Date.now() + days * 86_400_000).toISOString(),
            maxPoints: 20,
          },
        })
      ).body.id as string,
    );
  }
  // Both hand in both; Sorting was due yesterday, so that work is late.
  for (const student of students) {
    await hub.call('enrol', { token: student.token, params: { courseId } });
    for (const deadlineId of deadlines) {
      const file = await upload(
        `${hub.url}/api/uploads`,
        student.token,
        'file',
        TINY_PNG,
        'work.png',
        'image/png',
        'POST',
      );
      await hub.call('submit', {
        token: student.token,
        params: { deadlineId },
        body: { fileIds: [file.body.id] },
      });
    }
  }
  return { courseId };
}

const cell = (page: Page, name: string, title: string) =>
  page.getByRole('gridcell', { name: new RegExp(`^${name}, ${title}:`) });

test('a teacher grades a column from the keyboard; averages follow; a student sees only their grades', async ({
  browser,
  hub,
}) => {
  test.setTimeout(60_000);
  const { courseId } = await world(hub);
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  await signInThroughUi(page, 'davis');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto(`/courses/${courseId}?tab=grades`);
  await expect(
    page.getByRole('grid', { name: 'Gradebook: students and assignments' }),
  ).toBeVisible();
  await expect(cell(page, 'Emma Adams', 'Graphs')).toContainText('Handed in');
  await settle(page);
  expect(await axeViolations(page), 'gradebook').toEqual([]);

  // Click the first cell, type the points, Enter saves and goes down, Tab saves and goes right.
  await cell(page, 'Emma Adams', 'Sorting').click();
  await page.keyboard.type('18');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Emma Adams', 'Sorting')).toHaveAccessibleName(
    'Emma Adams, Sorting: 18 / 20, late',
  );
  await expect(cell(page, 'Liam Brown', 'Sorting')).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Liam Brown', 'Sorting')).toHaveAccessibleName(
    'Liam Brown, Sorting: 12 / 20, late',
  );
  await expect(cell(page, 'Liam Brown', 'Graphs')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, 'Emma Adams', 'Graphs')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: /Sorting/ })).toContainText('avg 15');
  await expect(page.getByRole('row', { name: /Emma Adams/ })).toContainText('90%');

  // The filter narrows the grid, by name.
  await page.getByRole('textbox', { name: 'Student' }).fill('liam');
  await expect(page.getByText('1 of 2 students')).toBeVisible();
  await expect(cell(page, 'Emma Adams', 'Sorting')).toHaveCount(0);

  // The grades were stored: the student sees their own row, and only it.
  const student = await (await browser.newContext({ baseURL: hub.url, bypassCSP: true })).newPage();
  await signInThroughUi(student, 'liam');
  await expect(student).toHaveURL(/\/home$/);
  await student.goto(`/courses/${courseId}?tab=grades`);
  const mine = student.getByRole('table', { name: 'My grades' });
  await expect(mine.getByRole('row', { name: /Sorting/ })).toContainText('12 / 20');
  await expect(mine.getByRole('row', { name: /Graphs/ })).toContainText('Handed in');
  await expect(student.getByText('Your average: 60%')).toBeVisible();
  await settle(student);
  expect(await axeViolations(student), 'my grades').toEqual([]);
  await expect(student.getByText('Emma')).toHaveCount(0);
});
