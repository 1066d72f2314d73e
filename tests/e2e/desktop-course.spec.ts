import type { Browser } from '@playwright/test';
import { upload } from '../support/files';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { axeViolations } from './axe';
import { bridgeCalls, withBridge } from './desktop-helpers';
import { shoot, type ShootOptions } from './shoot';
import { expectSignedInHome, signInThroughUi } from './helpers';

/** Light only, as the desktop window opens; the page keeps its CSP, so axe runs in the screen specs instead. */
const DESKTOP_APP: ShootOptions = { schemes: ['light'], axe: false };

test.use({ bypassCSP: true });

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

interface Material {
  id: string;
  title: string;
  file: { sha256: string; size: number; kind: string; fileName: string };
}

/** A teacher's course with two materials and a deadline, and an enrolled student, made through the API. */
async function courseWithMaterials(hub: E2EHub) {
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Algorithms', description: 'Sorting and graphs.', capacity: 20 },
    })
  ).body as { id: string };
  const materials: Material[] = [];
  for (const name of ['syllabus.pdf', 'week1.pdf']) {
    const stored = await upload(
      `${hub.url}/api/uploads`,
      teacher.token,
      'file',
      pdf(name),
      name,
      'application/pdf',
      'POST',
    );
    const added = await hub.call('addMaterial', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { fileId: stored.body.id },
    });
    materials.push(added.body as Material);
  }
  await hub.call('createDeadline', {
    token: teacher.token,
    params: { courseId: course.id },
    body: { title: 'Sorting exercise', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
  return { course, materials };
}

async function desktopPage(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  await withBridge(page, {
    hosting: { state: 'running', urls: ['http://192.168.1.20:4000'], advertised: true },
  });
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return page;
}

test('on the desktop, "Download course" queues every material with its path and checksum', async ({
  browser,
  hub,
}) => {
  const { course, materials } = await courseWithMaterials(hub);
  const page = await desktopPage(browser, hub, 'davis', 'Grace');

  // The bridge got the sign-in's token for downloads and the outbox.
  const credentials = await bridgeCalls(page, 'setCredentials');
  expect(credentials.at(-1)?.args[0]).toMatchObject({ hubUrl: hub.url });
  expect((credentials.at(-1)?.args[0] as { accessToken: string }).accessToken).not.toBe('');

  // The hosting teacher's home shows the hub running here, with its QR code.
  const hostCard = page.getByRole('region', { name: 'Hosting on this computer' });
  await expect(
    hostCard.getByRole('img', { name: 'QR code for http://192.168.1.20:4000' }),
  ).toBeVisible();

  await page.goto(`/courses/${course.id}`);
  await page.getByRole('button', { name: 'Download course' }).click();
  await expect(page.getByText('2 files added to your offline library downloads.')).toBeVisible();
  const [requests] = (await bridgeCalls(page, 'downloads.enqueue'))[0]?.args as [
    {
      hubUrl: string;
      path: string;
      sha256: string;
      size: number;
      kind: string;
      courseId: string;
    }[],
  ];
  expect(requests.map((r) => [r.path, r.sha256, r.size, r.kind])).toEqual(
    materials
      .map((m) => [`/api/materials/${m.id}/file`, m.file.sha256, m.file.size, m.file.kind])
      .reverse(),
  );
  expect(requests.every((r) => r.hubUrl === hub.url && r.courseId === course.id)).toBe(true);

  // Each material says how far its download is.
  await page.getByRole('tab', { name: 'Materials' }).click();
  await expect(page.getByText('Saving 0%')).toHaveCount(2);
  await page.mouse.move(0, 0);
  expect(await axeViolations(page)).toEqual([]);
  await shoot(page, 'desktop-course-materials', DESKTOP_APP);

  // The page was saved for offline reading, and the library shows it.
  await expect
    .poll(async () => (await bridgeCalls(page, 'library.saveSnapshot')).map((c) => c.args[0]))
    .toContain(`course:${course.id}`);
  await page.getByRole('link', { name: 'Offline library' }).first().click();
  const saved = page.getByRole('region', { name: 'Courses as last synced' });
  await expect(saved.getByText('Sorting and graphs.')).toBeVisible();
  await expect(saved.getByRole('timer')).toHaveText(/^\d+ days?, \d+ hours? left$/);

  // Switch hub hands back to the start screen.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Switch hub' }).click();
  expect(await bridgeCalls(page, 'hubs.leave')).toHaveLength(1);
});

test('offline on the desktop, a submission waits in the outbox', async ({ browser, hub }) => {
  const { course } = await courseWithMaterials(hub);
  const page = await desktopPage(browser, hub, 'emma', 'Emma');
  await page.goto(`/courses/${course.id}`);
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('button', { name: 'Your work' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files/ }).click();
  await (
    await chooser
  ).setFiles({ name: 'answer.pdf', mimeType: 'application/pdf', buffer: pdf('a') });
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(
    page.getByText('Saved in your outbox — it will be sent when you are back online.'),
  ).toBeVisible();
  const [request] = (await bridgeCalls(page, 'outbox.enqueue'))[0]?.args as [
    { kind: string; comment: string; files: { name: string; bytes: { byteLength: number } }[] },
  ];
  expect(request.kind).toBe('submission');
  expect(request.files.map((f) => f.name)).toEqual(['answer.pdf']);
  expect(request.files[0]?.bytes.byteLength).toBeGreaterThan(0);
  await page.context().setOffline(false);
});

test('a plain browser shows none of the desktop features', async ({ page, hub }) => {
  const { course } = await courseWithMaterials(hub);
  await signInThroughUi(page, 'davis');
  await expectSignedInHome(page, 'Grace');
  await expect(page.getByRole('link', { name: 'Offline library' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Hosting on this computer' })).toHaveCount(0);
  await page.goto(`/courses/${course.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Algorithms' })).toBeVisible();
  await page.getByRole('tab', { name: 'Materials' }).click();
  await expect(page.getByText('syllabus.pdf', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download course' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /offline/ })).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await expect(page.getByRole('menuitem', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Switch hub' })).toHaveCount(0);
  await page.goto('/start');
  await expect(page.getByText('Part of the ClassHub desktop app')).toBeVisible();
});
