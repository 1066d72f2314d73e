import { expect } from 'vitest';
import { upload } from './files';
import type { Person } from './people';
import type { TestHub } from './start-hub';

/** A student uploads a small text file and hands it in for a deadline, as the app does. */
export async function handIn(hub: TestHub, person: Person, deadlineId: string): Promise<void> {
  const file = await upload(
    `${hub.url}/api/uploads`,
    person.token,
    'file',
    Buffer.from('work'),
    'work.txt',
    'text/plain',
    'POST',
  );
  const sent = await hub.call('submit', {
    token: person.token,
    params: { deadlineId },
    body: { fileIds: [file.body.id] },
  });
  expect(sent.status).toBe(201);
}
