import type { BridgeDoubleSetup } from '../support/bridge-double';
import { expect, test } from '../support/e2e-hub';
import { axeViolations } from './axe';
import { bridgeCalls, driveBridge, withBridge } from './desktop-helpers';
import { shoot, type ShootOptions } from './shoot';

/** Light only, as the desktop window opens; the page keeps its CSP, so axe runs in the screen specs instead. */
const DESKTOP_APP: ShootOptions = { schemes: ['light'], axe: false };

test.use({ bypassCSP: true });

const HUB = 'http://192.168.1.20:4000';
const HOUR = 3600_000;
const file = (name: string, sha256: string, size: number) => ({
  id: `file-${sha256}`,
  fileName: name,
  contentType: 'application/pdf',
  kind: 'document' as const,
  size,
  sha256,
});

function setup(): BridgeDoubleSetup {
  const now = Date.now();
  return {
    downloads: [
      {
        id: 'job-slides',
        hubUrl: HUB,
        path: '/api/materials/m2/file',
        title: 'Week 2 slides',
        fileName: 'week2.pdf',
        sha256: 'b'.repeat(64),
        size: 2_000_000,
        kind: 'slides',
        source: 'material',
        courseId: 'c1',
        courseTitle: 'Algorithms',
        state: 'downloading',
        receivedBytes: 800_000,
        updatedAt: new Date(now).toISOString(),
      },
    ],
    library: [
      {
        id: 'item-syllabus',
        hubUrl: HUB,
        title: 'Syllabus',
        fileName: 'syllabus.pdf',
        kind: 'document',
        source: 'material',
        size: 150_000,
        sha256: 'a'.repeat(64),
        courseId: 'c1',
        courseTitle: 'Algorithms',
        downloadedAt: new Date(now - HOUR).toISOString(),
      },
      {
        id: 'item-essay',
        hubUrl: HUB,
        title: 'My essay',
        fileName: 'essay.pdf',
        kind: 'document',
        source: 'submission',
        size: 50_000,
        sha256: 'c'.repeat(64),
        downloadedAt: new Date(now - HOUR).toISOString(),
      },
    ],
    outbox: [
      {
        id: 'o1',
        kind: 'chat-message',
        hubUrl: HUB,
        summary: 'Message to Algorithms chat: See you tomorrow',
        state: 'waiting',
        createdAt: new Date(now - 10 * 60_000).toISOString(),
      },
      {
        id: 'o2',
        kind: 'submission',
        hubUrl: HUB,
        summary: 'Submission to Sorting exercise (1 file)',
        state: 'refused',
        error: { code: 'DEADLINE_CLOSED', message: 'This deadline no longer accepts work.' },
        createdAt: new Date(now - 20 * 60_000).toISOString(),
      },
    ],
    snapshots: {
      'course-index': {
        data: [{ id: 'c1', title: 'Algorithms', code: 'CS101', hubUrl: HUB }],
        savedAt: new Date(now - 2 * HOUR).toISOString(),
      },
      'course:c1': {
        savedAt: new Date(now - 2 * HOUR).toISOString(),
        data: {
          hubUrl: HUB,
          course: {
            id: 'c1',
            title: 'Algorithms',
            code: 'CS101',
            description: 'Sorting, searching and graphs.',
          },
          materials: [
            { id: 'm1', title: 'Syllabus', file: file('syllabus.pdf', 'a'.repeat(64), 150_000) },
            { id: 'm2', title: 'Week 2 slides', file: file('week2.pdf', 'b'.repeat(64), 2e6) },
          ],
          deadlines: [
            {
              id: 'd1',
              title: 'Sorting exercise',
              dueAt: new Date(now + 3 * 24 * HOUR + 2 * HOUR + 60_000).toISOString(),
            },
          ],
          chat: [
            {
              seq: 1,
              author: { firstName: 'Grace' },
              text: 'Bring your laptops on Monday.',
              createdAt: new Date(now - 3 * HOUR).toISOString(),
              deleted: false,
            },
          ],
        },
      },
    },
  };
}

test('the offline library shows downloads, files, the outbox and a saved course', async ({
  page,
}) => {
  await withBridge(page, setup());
  await page.goto('/library');
  await expect(page.getByRole('heading', { level: 1, name: 'Offline library' })).toBeVisible();

  // A download in progress: pause, resume, progress pushed by main.
  const downloads = page.getByRole('region', { name: 'Downloads' });
  const progress = downloads.getByRole('progressbar', { name: 'Downloading Week 2 slides' });
  await expect(progress).toHaveAttribute('aria-valuenow', '40');
  await downloads.getByRole('button', { name: 'Pause: Week 2 slides' }).click();
  await expect(downloads.getByTestId('download-state')).toHaveText('Paused');
  expect((await bridgeCalls(page, 'downloads.pause'))[0]?.args).toEqual(['job-slides']);
  await downloads.getByRole('button', { name: 'Resume: Week 2 slides' }).click();
  await expect(downloads.getByTestId('download-state')).toHaveText('Downloading');
  expect((await bridgeCalls(page, 'downloads.resume'))[0]?.args).toEqual(['job-slides']);
  await driveBridge(page, 'updateDownload', 'job-slides', { receivedBytes: 1_500_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '75');

  // Files by course, the submission apart, and the disk they use.
  const files = page.getByRole('region', { name: 'Saved files' });
  await expect(files.getByTestId('library-usage')).toHaveText('195 KB used · 2 files');
  await expect(files.getByRole('heading', { name: 'Algorithms' })).toBeVisible();
  await expect(files.getByRole('heading', { name: 'Your submissions' })).toBeVisible();
  await files.getByRole('button', { name: 'Open Syllabus' }).click();
  expect((await bridgeCalls(page, 'library.open'))[0]?.args).toEqual(['item-syllabus']);

  // The outbox: waiting, and refused with the hub's reason.
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await expect(outbox.getByText('Message to Algorithms chat: See you tomorrow')).toBeVisible();
  await expect(
    outbox.getByText('The hub refused it: This deadline no longer accepts work.'),
  ).toBeVisible();

  // The course as last synced, readable with no hub.
  const saved = page.getByRole('region', { name: 'Courses as last synced' });
  await expect(saved.getByText('Last synced 2 hours ago')).toBeVisible();
  await expect(saved.getByText('Sorting, searching and graphs.')).toBeVisible();
  await expect(saved.getByRole('timer')).toHaveText(/^3 days, 2 hours left$/);
  await expect(saved.getByText('Bring your laptops on Monday.')).toBeVisible();
  await expect(saved.getByRole('button', { name: 'Open Syllabus' })).toBeVisible();
  await expect(saved.getByText('Not saved on this computer')).toBeVisible();

  await page.mouse.move(0, 0);
  expect(await axeViolations(page)).toEqual([]);
  await shoot(page, 'desktop-library', DESKTOP_APP);

  // Finishing the download puts it in the library; cancel and failure are shown too.
  await driveBridge(page, 'completeDownload', 'job-slides');
  await expect(files.getByText('Week 2 slides')).toBeVisible();
  await expect(downloads.getByText('Nothing downloading right now.')).toBeVisible();
  await expect(saved.getByText('Not saved on this computer')).toHaveCount(0);
});

test('a failed download says why and can be tried again; cancel and discard reach main', async ({
  page,
}) => {
  await withBridge(page, setup());
  await page.goto('/library');
  const downloads = page.getByRole('region', { name: 'Downloads' });
  await driveBridge(page, 'updateDownload', 'job-slides', {
    state: 'failed',
    error: 'The file changed on the hub (checksum mismatch). Download it again.',
  });
  await expect(downloads.getByText(/checksum mismatch/)).toBeVisible();
  await downloads.getByRole('button', { name: 'Try again: Week 2 slides' }).click();
  const retried = (await bridgeCalls(page, 'downloads.enqueue'))[0]?.args[0] as {
    path: string;
    sha256: string;
  }[];
  expect(retried.map((r) => [r.path, r.sha256])).toEqual([
    ['/api/materials/m2/file', 'b'.repeat(64)],
  ]);
  await expect(downloads.getByTestId('download-state')).toHaveText('Queued');

  await downloads.getByRole('button', { name: 'Cancel: Week 2 slides' }).click();
  await expect(downloads.getByText('Nothing downloading right now.')).toBeVisible();
  expect(await bridgeCalls(page, 'downloads.cancel')).toHaveLength(1);

  const outbox = page.getByRole('region', { name: 'Outbox' });
  await outbox
    .getByRole('button', { name: 'Discard: Submission to Sorting exercise (1 file)' })
    .click();
  await expect(outbox.getByText('Submission to Sorting exercise (1 file)')).toHaveCount(0);
  expect((await bridgeCalls(page, 'outbox.discard'))[0]?.args).toEqual(['o2']);
});
