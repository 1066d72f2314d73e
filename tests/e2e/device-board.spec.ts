import type { Browser, Page } from '@playwright/test';
import type { LibraryItem } from '../../src-shared/bridge';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { shoot } from './shoot';
import { upload } from '../support/files';
import { completeDownloadOnceQueued, driveBridge, withBridge } from './desktop-helpers';
import { expectSignedInHome, signInThroughUi } from './helpers';

/** The device board (issue 18, point 7): the teacher sees who is ready before class. */
test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

interface Material {
  id: string;
  title: string;
  file: { sha256: string; size: number; kind: LibraryItem['kind']; fileName: string };
}

/** Grace teaches Physics with three materials; Emma, Noah and Liam are enrolled. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const students = [];
  for (const [username, firstName] of [
    ['emma', 'Emma'],
    ['noah', 'Noah'],
    ['liam', 'Liam'],
  ] as const)
    students.push(await hub.signUp({ username, firstName, lastName: 'Quill', role: 'student' }));
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', description: 'Forces and motion.', capacity: 20 },
    })
  ).body as { id: string; title: string };
  const materials: Material[] = [];
  for (const title of ['Syllabus', 'Week 1 notes', 'Week 3 slides']) {
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
  for (const student of students)
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
  return { course, materials };
}

async function signedIn(
  browser: Browser,
  hub: E2EHub,
  username: string,
  firstName: string,
  before?: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  await before?.(page);
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  return page;
}

/** What Emma's desktop app already holds: the first two materials, saved from this hub. */
function savedItems(hub: E2EHub, course: { id: string; title: string }, materials: Material[]) {
  return materials.slice(0, 2).map((m): LibraryItem => ({
    id: `item-${m.id}`,
    hubUrl: hub.url,
    title: m.title,
    fileName: m.file.fileName,
    kind: m.file.kind,
    source: 'material',
    size: m.file.size,
    sha256: m.file.sha256,
    courseId: course.id,
    courseTitle: course.title,
    downloadedAt: new Date(Date.now() - 3600_000).toISOString(),
  }));
}

test('the teacher sees a student’s missing material turn present after the download', async ({
  browser,
  hub,
}) => {
  // Four signed-in windows and two rounds of eight screenshots with axe: more than the default allowance.
  test.setTimeout(120_000);
  const { course, materials } = await world(hub);
  const emma = await signedIn(browser, hub, 'emma', 'Emma', (page) =>
    withBridge(page, { library: savedItems(hub, course, materials) }),
  );
  await signedIn(browser, hub, 'noah', 'Noah');
  const teacher = await signedIn(browser, hub, 'davis', 'Grace');

  await teacher.goto(`/courses/${course.id}`);
  await teacher.getByRole('tab', { name: 'Devices' }).click();
  const emmaRow = teacher.getByTestId('device-row-emma');
  await expect(emmaRow.getByTestId('device-materials')).toHaveText(
    '2 of 3 — missing: Week 3 slides',
  );
  await expect(emmaRow).toContainText('Desktop app · linux');
  await expect(emmaRow).toContainText('version 0.0.0-test');
  await expect(emmaRow.getByTestId('device-online')).toHaveText('Online');
  await expect(emmaRow).toContainText('Nothing waiting');
  const noahRow = teacher.getByTestId('device-row-noah');
  await expect(noahRow).toContainText('Browser');
  await expect(noahRow.getByTestId('device-materials')).toHaveText(
    'No offline library in a browser',
  );
  await expect(teacher.getByTestId('device-row-liam')).toContainText('Not connected');
  await expect(teacher.getByTestId('devices-ready')).toHaveText(
    '0 of 3 students have every material offline',
  );
  await shoot(teacher, 'device-board');

  // Emma saves the missing slides; her app finishes the download.
  await emma.goto(`/courses/${course.id}`);
  await emma.getByRole('tab', { name: 'Materials' }).click();
  await emma.getByRole('button', { name: 'Save Week 3 slides offline' }).click();
  await completeDownloadOnceQueued(emma, 'job-1');
  await expect(emma.getByText('Saved offline')).toHaveCount(3);

  // The teacher's board follows without a reload.
  await expect(emmaRow.getByTestId('device-materials')).toHaveText('All 3');
  await expect(teacher.getByTestId('devices-ready')).toHaveText(
    '1 of 3 students have every material offline',
  );

  // A message waiting in her outbox shows too; closing the app takes her offline.
  await driveBridge(emma, 'setOutbox', [
    {
      id: 'o1',
      kind: 'chat-message',
      hubUrl: hub.url,
      summary: 'Message to Physics chat: see you',
      state: 'waiting',
      createdAt: new Date().toISOString(),
    },
  ]);
  await expect(emmaRow).toContainText('1 waiting');
  await emma.context().close();
  await expect(emmaRow.getByTestId('device-online')).toHaveText('Offline');
  await expect(emmaRow.getByTestId('device-materials')).toHaveText('All 3');
  await shoot(teacher, 'device-board-ready');
});

test('a student has no Devices tab and the board’s route refuses them', async ({
  browser,
  hub,
}) => {
  const { course } = await world(hub);
  const noah = await signedIn(browser, hub, 'noah', 'Noah');
  await noah.goto(`/courses/${course.id}?tab=devices`);
  await expect(noah.getByRole('heading', { level: 1, name: 'Physics' })).toBeVisible();
  await expect(noah.getByRole('tab', { name: 'Devices' })).toHaveCount(0);
  const status = await noah.evaluate(async (id) => {
    const tokens = JSON.parse(localStorage.getItem('classhub.auth') ?? '{}') as {
      tokens?: { accessToken?: string };
    };
    const reply = await fetch(`/api/courses/${id}/devices`, {
      headers: { authorization: `Bearer ${tokens.tokens?.accessToken ?? ''}` },
    });
    return reply.status;
  }, course.id);
  expect(status).toBe(403);
});
