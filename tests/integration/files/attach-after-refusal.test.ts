import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { FaultyFileSystem } from '../../support/faulty-file-system';
import { raw } from '../../support/http';
import { signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { describeOnLowdb } from '../../support/test-engine';

// Tests of the lowdb data folder itself: skipped on PostgreSQL, saying why.
const lowdbDescribe = describeOnLowdb('the full disk is injected under the lowdb data folder');

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

/**
 * Found by bench/fault-runs.ts on a full tmpfs: the upload was claimed by a
 * material whose record the full disk refused (507), so attaching the
 * acknowledged upload again answered 400 "not one of your unattached uploads".
 */
lowdbDescribe('an acknowledged upload whose record could not be saved', () => {
  it('can be attached again once the disk has space, as a material and as a submission', async () => {
    const faults = new FaultyFileSystem();
    hub = await startHub({ verification: 'none', fileSystem: faults });
    await signUp(hub, { role: 'teacher' }); // the admin
    const teacher = await signUp(hub, { role: 'teacher' });
    const student = await signUp(hub);
    const courseId = (
      await hub.call('createCourse', { token: teacher.token, body: { title: 'Art', capacity: 5 } })
    ).body.id as string;
    await hub.call('enrol', { token: student.token, params: { courseId } });
    const deadlineId = (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId },
        body: { title: 'Essay', dueAt: '2099-01-01T00:00:00Z' },
      })
    ).body.id as string;
    const uploadAs = async (token: string) => {
      const reply = await upload(
        `${hub!.url}/api/uploads`,
        token,
        'file',
        PDF,
        'a.pdf',
        'application/pdf',
        'POST',
      );
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    const material = await uploadAs(teacher.token);
    const handedIn = await uploadAs(student.token);
    const addMaterial = () =>
      hub!.call('addMaterial', {
        token: teacher.token,
        params: { courseId },
        body: { fileId: material },
      });
    const submit = () =>
      hub!.call('submit', {
        token: student.token,
        params: { deadlineId },
        body: { fileIds: [handedIn] },
      });

    for (const collection of ['materials', 'submissions'])
      faults.failNext('write', { code: 'ENOSPC', path: collection, times: Infinity });
    expect(await addMaterial()).toMatchObject({
      status: 507,
      body: { error: { code: 'STORAGE_FULL' } },
    });
    expect(await submit()).toMatchObject({
      status: 507,
      body: { error: { code: 'STORAGE_FULL' } },
    });
    faults.reset();

    const added = await addMaterial();
    expect(added.status).toBe(201);
    expect((await submit()).status).toBe(201);
    const bytes = await raw(hub.url, `/api/materials/${added.body.id as string}/file`, {
      headers: { authorization: `Bearer ${teacher.token}` },
    });
    expect(sha256(Buffer.from(bytes.body as string))).toBe(sha256(PDF));
  });
});
