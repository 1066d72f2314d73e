import type { Page } from '@playwright/test';
import type { LibraryItem } from '../../src-shared/bridge';
import {
  classTool,
  downloaded,
  expectNoReload,
  goInApp,
  markPage,
  signedIn,
} from './class-helpers';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { upload } from '../support/files';
import { completeDownloadOnceQueued, withBridge } from './desktop-helpers';
import { field } from './helpers';
import { shoot, type ShootOptions } from './shoot';

/**
 * Issue 18's "done when": a teacher and three students, each in their own
 * browser, run a whole lesson without a reload — attendance (one late), a
 * hand called on, a quiz revealed, an anonymous question, quiet mode, the
 * exit ticket, the exports — and the device board follows a download.
 */
test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.
/** The window as the person sees it, scrolled to the class tools (on a phone they sit below the fold). */
const TOOLS_IN_VIEW: ShootOptions = { fullPage: false, focus: 'class-tools' };

test.setTimeout(420_000);

const QUIET_REASON = 'Quiet mode is on: only the teacher can post in this class’s chat right now.';

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

interface Material {
  id: string;
  title: string;
  file: { sha256: string; size: number; kind: LibraryItem['kind']; fileName: string };
}

/** Ms Kim teaches Biology with two materials; Ann, Ben and Emma are enrolled, Ben and Emma in the session. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' }); // the first account is the admin
  const teacher = await hub.signUp({
    username: 'kim',
    firstName: 'Mia',
    lastName: 'Kim',
    role: 'teacher',
  });
  const ann = await hub.signUp({ username: 'ann', firstName: 'Ann', lastName: 'Adams' });
  const ben = await hub.signUp({ username: 'ben', firstName: 'Ben', lastName: 'Brown' });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Clark' });
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Biology', description: 'Cells and what they do.', capacity: 30 },
    })
  ).body as { id: string; title: string };
  const materials: Material[] = [];
  for (const title of ['Cell diagram', 'Lesson 3 slides']) {
    const stored = await upload(
      `${hub.url}/api/uploads`,
      teacher.token,
      'file',
      pdf(title),
      `${title}.pdf`,
      'application/pdf',
      'POST',
    );
    const added = await hub.call('addMaterial', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { fileId: stored.body.id, title },
    });
    materials.push(added.body as Material);
  }
  for (const student of [ann, ben, emma])
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
  const session = (
    await hub.call('createSession', {
      token: teacher.token,
      body: { title: 'Cells, lesson 3', description: '', courseId: course.id },
    })
  ).body as { id: string; joinToken: string };
  for (const student of [ben, emma])
    await hub.call('joinSession', { token: student.token, body: { token: session.joinToken } });
  return { course, materials, session };
}

/** Emma's desktop app already holds the diagram, not the slides. */
function emmasLibrary(hub: E2EHub, course: { id: string; title: string }, saved: Material) {
  const item: LibraryItem = {
    id: `item-${saved.id}`,
    hubUrl: hub.url,
    title: saved.title,
    fileName: saved.file.fileName,
    kind: saved.file.kind,
    source: 'material',
    size: saved.file.size,
    sha256: saved.file.sha256,
    courseId: course.id,
    courseTitle: course.title,
    downloadedAt: new Date(Date.now() - 3600_000).toISOString(),
  };
  return [item];
}

async function openClass(page: Page, sessionId: string) {
  await goInApp(page, `/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cells, lesson 3' })).toBeVisible();
  await expect(page.getByTestId('class-tools')).toBeVisible();
}

test('a whole lesson: attendance, a hand, a quiz, a question, quiet mode, the exit ticket, exports and the device board', async ({
  browser,
  hub,
}) => {
  const { course, materials, session } = await world(hub);
  const teacher = await signedIn(browser, hub, 'kim', 'Mia');
  const ann = await signedIn(browser, hub, 'ann', 'Ann');
  const ben = await signedIn(browser, hub, 'ben', 'Ben');
  const emma = await signedIn(browser, hub, 'emma', 'Emma', (page) =>
    withBridge(page, { library: emmasLibrary(hub, course, materials[0]!) }),
  );
  const everyone = { teacher, ann, ben, emma };
  for (const { page } of Object.values(everyone)) await markPage(page);
  const kim = teacher.page;

  // ── Attendance: the teacher opens check-in; three check in, Ben late. ──
  await openClass(kim, session.id);
  await classTool(kim, 'Attendance').click();
  await field(kim, 'Late after, in minutes').fill('1');
  await kim.getByRole('button', { name: 'Open check-in' }).click();
  await expect(kim.getByTestId('check-in-qr')).toBeVisible();
  const link = new URL((await kim.getByTestId('check-in-link').getAttribute('href')) ?? '');
  expect(link.pathname).toBe('/check-in');
  await shoot(kim, 'lesson-attendance-teacher', TOOLS_IN_VIEW);

  // Ann follows the QR code's link (she is not in the session yet: it joins her too).
  await goInApp(ann.page, link.pathname + link.search);
  await expect(ann.page.getByTestId('check-in-status')).toHaveText('Present');
  await ann.page.getByRole('link', { name: 'Go to the session' }).click();
  await expect(ann.page.getByTestId('class-tools')).toBeVisible();
  // Emma types the token on time; Ben two minutes later.
  for (const [student, late] of [
    [emma.page, false],
    [ben.page, true],
  ] as const) {
    if (late) hub.later(2);
    await openClass(student, session.id);
    await classTool(student, 'Attendance').click();
    await field(student, 'Session token').fill(session.joinToken);
    await student.getByRole('button', { name: 'Check in' }).click();
    await expect(student.getByTestId('my-attendance')).toHaveText(late ? 'Late' : 'Present');
  }
  await expect(kim.getByTestId('attendance-counts')).toHaveText('2 present · 1 late · 0 absent');
  await expect(kim.getByTestId('attendance-row')).toHaveCount(3);
  await shoot(ben.page, 'lesson-attendance-student', TOOLS_IN_VIEW);

  // ── A hand is raised and called on. ──
  await classTool(kim, 'Hands').click();
  await classTool(emma.page, 'Hands').click();
  await emma.page.getByRole('button', { name: 'Raise hand' }).click();
  const queue = kim.getByTestId('hand-queue');
  await expect(queue.getByTestId('hand')).toHaveCount(1);
  await expect(queue).toContainText('Emma Clark');
  await kim.getByRole('button', { name: 'Call on' }).click();
  await expect(emma.page.getByTestId('called-on')).toHaveText('You’re called on! Go ahead.');
  await shoot(emma.page, 'lesson-hand-called-student', TOOLS_IN_VIEW);
  await kim.getByRole('button', { name: 'Lower all' }).click();
  await expect(emma.page.getByRole('button', { name: 'Raise hand' })).toBeVisible();

  // ── A quiz: written, opened, answered by all three, revealed with each one's score. ──
  await classTool(kim, 'Polls & quizzes').click();
  await kim.getByRole('button', { name: 'New poll or quiz' }).click();
  const dialog = kim.getByRole('dialog', { name: 'New poll or quiz' });
  await dialog.getByText('Quiz', { exact: true }).click();
  await field(dialog, 'Title').fill('Cell parts');
  await field(dialog, 'Question 1').fill('Which is the powerhouse of the cell?');
  await field(dialog, 'Options').fill('Nucleus\nMitochondrion\nRibosome');
  await dialog.getByRole('checkbox', { name: 'Mitochondrion' }).check();
  await dialog.getByRole('button', { name: 'Save as draft' }).click();
  await kim.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(kim.getByTestId('poll-state')).toHaveText('Open');
  for (const [student, choice] of [
    [ann.page, 'Mitochondrion'],
    [ben.page, 'Nucleus'],
    [emma.page, 'Mitochondrion'],
  ] as const) {
    await classTool(student, 'Polls & quizzes').click();
    await student.getByRole('radio', { name: choice }).check();
    await student.getByRole('button', { name: 'Send answer' }).click();
    await expect(student.getByTestId('poll-answer-saved')).toBeVisible();
  }
  await expect(kim.getByText('3 answers')).toBeVisible();
  await kim.getByRole('button', { name: 'Reveal results' }).click();
  await expect(ann.page.getByTestId('poll-score')).toHaveText('Your score: 1 / 1');
  await expect(ben.page.getByTestId('poll-score')).toHaveText('Your score: 0 / 1');
  await expect(emma.page.getByTestId('poll-score')).toHaveText('Your score: 1 / 1');
  await shoot(kim, 'lesson-quiz-teacher', TOOLS_IN_VIEW);
  await shoot(ben.page, 'lesson-quiz-student', TOOLS_IN_VIEW);

  // ── An anonymous question: asked by Ann, upvoted by Ben, answered by the teacher. ──
  for (const page of [kim, ann.page, ben.page]) await classTool(page, 'Questions').click();
  await ann.page.getByRole('textbox', { name: 'Ask a question' }).fill('Do plant cells have them?');
  await ann.page.getByRole('button', { name: 'Ask anonymously' }).click();
  const onBen = ben.page.getByTestId('question');
  await expect(onBen).toContainText('Do plant cells have them?');
  await onBen.getByRole('button', { name: /^Upvote/ }).click();
  const asked = kim.getByTestId('question');
  await expect(asked.getByTestId('upvotes')).toHaveText('1');
  await expect(ann.page.getByTestId('question').getByTestId('upvotes')).toHaveText('1');
  await expect(asked).not.toContainText('Ann'); // not even the teacher learns who asked
  await asked.getByRole('button', { name: 'Answer' }).click();
  await kim.getByRole('textbox', { name: 'Your answer' }).fill('Yes, plant cells have them too.');
  await kim.getByRole('button', { name: 'Save answer' }).click();
  await expect(ann.page.getByTestId('answer')).toHaveText(
    'Answer: Yes, plant cells have them too.',
  );
  await shoot(kim, 'lesson-questions-teacher', TOOLS_IN_VIEW);

  // ── Quiet mode: Ben's message comes back with the reason. ──
  await classTool(kim, 'Chat controls').click();
  await kim.getByRole('switch', { name: 'Quiet mode' }).click();
  await expect(kim.getByRole('switch', { name: 'Quiet mode' })).toBeChecked();
  await goInApp(ben.page, `/chat/${encodeURIComponent(`session:${session.id}`)}`);
  await expect(ben.page.getByTestId('quiet-mode-notice')).toHaveText(
    'Quiet mode: only the teacher can post right now.',
  );
  const composer = ben.page.getByRole('textbox', { name: /^Message / });
  await composer.fill('Can we have a break?');
  await composer.press('Enter');
  await expect(ben.page.getByTestId('message-failed')).toContainText(`Not sent. ${QUIET_REASON}`);
  await shoot(ben.page, 'lesson-chat-quiet-student', { fullPage: false });

  // ── The exit ticket: asked, answered by all three, read in one list. ──
  await classTool(kim, 'Exit ticket').click();
  await field(kim, 'Exit ticket question').fill('One thing you learned today?');
  await kim.getByRole('button', { name: 'Ask the class' }).click();
  await openClass(ben.page, session.id);
  for (const [student, text] of [
    [ann.page, 'Mitochondria make the energy'],
    [ben.page, 'Plant cells have walls'],
    [emma.page, 'Ribosomes build proteins'],
  ] as const) {
    await classTool(student, 'Exit ticket').click();
    await field(student, 'Your answer').fill(text);
    await student.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(student.getByTestId('my-exit-answer')).toContainText(text);
  }
  await expect(kim.getByTestId('exit-answered')).toHaveText('3 answers');
  await expect(kim.getByTestId('exit-answer')).toHaveCount(3);
  await shoot(kim, 'lesson-exit-teacher', TOOLS_IN_VIEW);
  await shoot(emma.page, 'lesson-exit-student', TOOLS_IN_VIEW);

  // ── The exports: attendance and the quiz's results, as CSV. ──
  await classTool(kim, 'Attendance').click();
  const attendance = (
    await downloaded(kim, () => kim.getByRole('button', { name: 'Export CSV' }).click())
  )
    .trim()
    .split('\r\n');
  expect(attendance).toHaveLength(4);
  expect(attendance[1]).toContain('"Adams","Ann","ann","present"');
  expect(attendance[2]).toContain('"Brown","Ben","ben","late"');
  expect(attendance[3]).toContain('"Clark","Emma","emma","present"');
  await classTool(kim, 'Polls & quizzes').click();
  const quiz = (
    await downloaded(kim, () => kim.getByRole('button', { name: 'Export CSV' }).click())
  )
    .trim()
    .split('\r\n');
  expect(quiz[0]).toContain('"Q1 Which is the powerhouse of the cell?","score (/1)"');
  expect(quiz[1]).toMatch(/^"Adams","Ann","ann",.*"Mitochondrion","1"$/);
  expect(quiz[2]).toMatch(/^"Brown","Ben","ben",.*"Nucleus","0"$/);
  expect(quiz[3]).toMatch(/^"Clark","Emma","emma",.*"Mitochondrion","1"$/);

  // ── The course's attendance history: this lesson's window, its sheet, the CSV. ──
  await goInApp(kim, `/courses/${course.id}`);
  await kim.getByRole('tab', { name: 'Attendance' }).click();
  const lesson = kim.getByTestId('attendance-window');
  await expect(lesson).toHaveCount(1);
  await expect(lesson.getByTestId('attendance-window-counts')).toHaveText(
    '2 present · 1 late · 0 absent',
  );
  await lesson.getByRole('button', { name: 'Open the sheet' }).click();
  await expect(lesson.getByTestId('attendance-row')).toHaveCount(3);
  await expect(lesson.getByTestId('attendance-row').nth(1)).toContainText('Late');
  const history = (
    await downloaded(kim, () => kim.getByRole('button', { name: 'Course history CSV' }).click())
  )
    .trim()
    .split('\r\n');
  expect(history).toHaveLength(4);
  expect(history.join('\n')).toContain('"ben","late"');
  await shoot(kim, 'lesson-course-attendance-teacher', { fullPage: false });

  // ── The device board: Emma's missing slides turn present after her download. ──
  await kim.getByRole('tab', { name: 'Devices' }).click();
  const emmaRow = kim.getByTestId('device-row-emma');
  await expect(emmaRow.getByTestId('device-materials')).toHaveText(
    '1 of 2 — missing: Lesson 3 slides',
  );
  await expect(emmaRow.getByTestId('device-online')).toHaveText('Online');
  await expect(kim.getByTestId('device-row-ann').getByTestId('device-materials')).toHaveText(
    'No offline library in a browser',
  );
  await shoot(kim, 'lesson-device-board-teacher', { fullPage: false });
  await goInApp(emma.page, `/courses/${course.id}`);
  await emma.page.getByRole('tab', { name: 'Materials' }).click();
  await emma.page.getByRole('button', { name: 'Save Lesson 3 slides offline' }).click();
  await completeDownloadOnceQueued(emma.page, 'job-1');
  await expect(emmaRow.getByTestId('device-materials')).toHaveText('All 2');
  await expect(kim.getByTestId('devices-ready')).toHaveText(
    '1 of 3 students have every material offline',
  );

  for (const [who, { page, uncaught }] of Object.entries(everyone)) {
    await expectNoReload(page, who);
    expect(uncaught, `uncaught errors on ${who}’s page`).toEqual([]);
  }
});
