import { expect, test } from '../support/e2e-hub';
import { expectSignedInHome, signInThroughUi } from './helpers';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('the author adds files to their post while editing it', async ({ page, hub }) => {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const host = await hub.signUp({ username: 'hana', firstName: 'Hana', role: 'teacher' });
  const session = (
    await hub.call('createSession', { token: host.token, body: { title: 'Reading club' } })
  ).body;
  await hub.call('createPost', {
    token: host.token,
    params: { sessionId: session.id },
    body: { text: 'Chapter one notes' },
  });

  await signInThroughUi(page, 'hana');
  await expectSignedInHome(page, 'Hana');
  await page.goto(`/sessions/${session.id}`);
  await page.getByRole('button', { name: 'Actions for the post by Hana Quill' }).click();
  await page.getByRole('menuitem', { name: 'Edit post' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files' }).click();
  await (
    await chooser
  ).setFiles({ name: 'chapter1.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('post-file')).toContainText('chapter1.pdf');
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({
      path: `test-results/screens/sessions-post-add-files-${size}.png`,
      fullPage: true,
    });
  }
  await page.reload();
  await expect(page.getByTestId('post-file')).toContainText('chapter1.pdf');
});
