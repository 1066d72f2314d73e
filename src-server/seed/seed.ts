import type { CourseId } from '../../src-shared/schemas/courses';
import type { FileId } from '../../src-shared/schemas/files';
import { createHub } from '../hub';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SESSIONS } from './demo-world';
import { seedClient, type SeedCall } from './seed-client';
import { seedCourses } from './seed-courses';

/**
 * Fills an empty data folder (or, given `database`, an empty PostgreSQL
 * database) with the demo world by driving a hub through its own REST API,
 * so demo data obeys exactly the rules real data does.
 */
export async function seedDemoWorld(
  dataDir: string,
  log: (line: string) => void = console.log,
  options: { readonly database?: string | undefined } = {},
): Promise<void> {
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'warn',
    verification: 'approval',
    ...(options.database ? { database: options.database } : {}),
  });
  const { call, upload } = seedClient(hub.url);
  try {
    const tokens = await seedPeople(call);
    const courseIds = await seedCourses({ call, upload }, tokens);
    for (const session of DEMO_SESSIONS) {
      const courseId = session.course ? courseIds.get(session.course) : undefined;
      const created = await call('createSession', {
        token: tokens.get(session.host)!,
        body: {
          title: session.title,
          description: session.description,
          ...(courseId ? { courseId: courseId as CourseId } : {}),
        },
      });
      for (const member of session.members) {
        await call('joinSession', {
          token: tokens.get(member)!,
          body: { token: created.joinToken! },
        });
      }
      for (const post of session.posts) {
        const token = tokens.get(post.author)!;
        const fileIds = await Promise.all(
          post.files.map((file) => upload(token, file.name, file.text)),
        );
        const made = await call('createPost', {
          token,
          params: { sessionId: created.id },
          body: { text: post.text, fileIds: fileIds as FileId[] },
        });
        for (const comment of post.comments) {
          await call('createComment', {
            token: tokens.get(comment.author)!,
            params: { postId: made.id },
            body: { text: comment.text },
          });
        }
      }
    }
    for (const token of tokens.values()) await call('signOut', { token });
    log(
      `Seeded ${DEMO_PEOPLE.length} accounts, 2 courses and ${DEMO_SESSIONS.length} sessions into ${options.database ? 'the database' : hub.dataDir}.`,
    );
    log(`Every demo account's password: ${DEMO_PASSWORD}`);
    log(
      '  admin (admin)  ·  prof_davis, dr_okafor (teachers)  ·  emma1, liam_w, sofia_r (students)',
    );
  } finally {
    await hub.close();
  }
}

/** Registers everyone (the first becomes admin and approves the rest), fills profiles; returns a token per username. */
async function seedPeople(call: SeedCall): Promise<Map<string, string>> {
  const [first, ...others] = DEMO_PEOPLE;
  const admin = await call('register', {
    body: { ...personInput(first!), password: DEMO_PASSWORD },
  }).catch((error: Error) => error);
  if (admin instanceof Error)
    throw new Error(
      `This data folder already has accounts (${admin.message}). Seed an empty folder, or pass --reset.`,
    );
  for (const person of others) {
    const registered = await call('register', {
      body: { ...personInput(person), password: DEMO_PASSWORD },
    });
    await call('approveAccount', {
      token: admin.tokens!.accessToken,
      params: { userId: registered.account.id },
    });
  }
  const tokens = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const { tokens: pair } = await call('signIn', {
      body: { username: person.username, password: DEMO_PASSWORD, device: 'seed' },
    });
    tokens.set(person.username, pair.accessToken);
    await call('updateMe', {
      token: pair.accessToken,
      body: {
        bio: person.bio,
        ...(person.student ? { student: person.student } : {}),
        ...(person.teacher ? { teacher: person.teacher } : {}),
      },
    });
    for (const text of person.statusUpdates)
      await call('postStatusUpdate', { token: pair.accessToken, body: { text } });
  }
  await call('signOut', { token: admin.tokens!.accessToken });
  return tokens;
}

function personInput(person: (typeof DEMO_PEOPLE)[number]) {
  const { username, firstName, lastName, email, role } = person;
  return { username, firstName, lastName, email, role };
}
