import { randomUUID } from 'node:crypto';
import type { FileId } from '../../src-shared/schemas/files';
import { demoPdf } from './demo-pdf';
import type { seedClient } from './seed-client';

type Client = ReturnType<typeof seedClient>;
const DAY = 86_400_000;
const inDays = (days: number, hour = 17) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

/** Two courses by prof_davis with students, materials, deadlines, a graded submission, feedback and chat. */
export async function seedCourses(
  { call, upload }: Client,
  tokens: Map<string, string>,
): Promise<Map<string, string>> {
  const davis = tokens.get('prof_davis')!;
  const token = (username: string) => tokens.get(username)!;

  const intro = await call('createCourse', {
    token: davis,
    body: {
      title: 'Introduction to Programming',
      description: 'Variables, control flow, functions and recursion, with weekly labs in Python.',
      capacity: 30,
    },
  });
  const structures = await call('createCourse', {
    token: davis,
    body: {
      title: 'Data Structures',
      description:
        'Lists, stacks, queues, trees and hash tables — how they work and when to use which.',
      capacity: 25,
    },
  });
  for (const student of ['emma1', 'liam_w', 'sofia_r'])
    await call('enrol', { token: token(student), params: { courseId: intro.id } });
  for (const student of ['emma1', 'liam_w'])
    await call('joinCourse', { token: token(student), body: { code: structures.joinCode! } });

  const material = async (
    courseId: string,
    name: string,
    content: string | Uint8Array,
    title: string,
  ) => {
    const fileId = (await upload(davis, name, content)) as FileId;
    await call('addMaterial', { token: davis, params: { courseId }, body: { fileId, title } });
  };
  await material(
    intro.id,
    'week1-slides.pdf',
    demoPdf('Week 1: Variables and types', [
      'What a variable is',
      'Numbers, strings, booleans',
      'Exercises on page 2',
    ]),
    'Week 1 slides',
  );
  await material(
    intro.id,
    'week2-slides.pdf',
    demoPdf('Week 2: Control flow', [
      'if / elif / else',
      'while and for loops',
      'Tracing a loop by hand',
    ]),
    'Week 2 slides',
  );
  await material(
    intro.id,
    'style-guide.md',
    '# Style guide\n\n- Name things for what they are.\n- One function, one job.\n',
    'Code style guide',
  );
  await material(
    structures.id,
    'stacks-and-queues.pdf',
    demoPdf('Stacks and queues', ['LIFO and FIFO', 'Array and linked implementations']),
    'Stacks and queues notes',
  );

  const lab = await call('createDeadline', {
    token: davis,
    params: { courseId: intro.id },
    body: {
      title: 'Lab 2: loops',
      description: 'Submit your loop exercises as a .py or .txt file.',
      dueAt: inDays(4),
      maxPoints: 20,
    },
  });
  await call('createDeadline', {
    token: davis,
    params: { courseId: intro.id },
    body: {
      title: 'Project proposal',
      description: 'One page: what you will build and why.',
      dueAt: inDays(11),
      maxPoints: 10,
    },
  });
  await call('createDeadline', {
    token: davis,
    params: { courseId: structures.id },
    body: {
      title: 'Linked list implementation',
      dueAt: inDays(2, 12),
      maxPoints: 30,
      acceptLate: false,
    },
  });

  const work = (await upload(
    token('emma1'),
    'lab2-emma.txt',
    'for i in range(10):\n    print(i * i)\n',
  )) as FileId;
  await call('submit', {
    token: token('emma1'),
    params: { deadlineId: lab.id },
    body: { comment: 'Exercise 3 was tricky!', fileIds: [work] },
  });
  await call('gradeSubmission', {
    token: davis,
    params: { deadlineId: lab.id, userId: (await call('me', { token: token('emma1') })).id },
    body: { points: 18, feedback: 'Clean loops. Watch the off-by-one in exercise 3.' },
  });

  await call('giveFeedback', {
    token: token('emma1'),
    params: { courseId: intro.id },
    body: { rating: 5, comment: 'The labs make it click.' },
  });
  await call('giveFeedback', {
    token: token('liam_w'),
    params: { courseId: intro.id },
    body: { rating: 4, comment: 'A bit fast in week 2.', anonymous: true },
  });

  const room = `course:${intro.id}`;
  const say = (username: string, text: string) =>
    call('sendMessage', {
      token: token(username),
      params: { room },
      body: { clientId: randomUUID(), text },
    });
  await say('prof_davis', 'Welcome to CS101! Ask anything here.');
  await say('emma1', 'Will the lab on Monday cover recursion?');
  await say('prof_davis', 'Yes — bring the week 2 slides.');
  await say('liam_w', 'Thanks!');
  const dm = await call('openDirect', {
    token: token('emma1'),
    body: { userId: (await call('me', { token: davis })).id },
  });
  await call('sendMessage', {
    token: token('emma1'),
    params: { room: dm.room },
    body: {
      clientId: randomUUID(),
      text: 'Could I get feedback on my project idea before Friday?',
    },
  });
  return new Map([
    [intro.code, intro.id],
    [structures.code, structures.id],
  ]);
}
