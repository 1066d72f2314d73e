import { randomUUID } from 'node:crypto';
import type { AuthSessionId, UserId } from '../../src-shared/ids';
import type { CourseId } from '../../src-shared/schemas/courses';
import { composeToken, hashToken, newSecret } from '../../src-server/domains/accounts/tokens';
import { createLogger } from '../../src-server/logger';
import { openHubStorage } from '../../src-server/storage/open-hub-storage';
import type { AuthSessionRecord, UserRecord } from '../../src-server/storage/records';
import type { Storage } from '../../src-server/storage/repositories';

export interface SeededPerson {
  readonly id: UserId;
  readonly username: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface SeededWorld {
  /** `course:<id>`: the teacher and every student are in it. */
  readonly room: string;
  readonly teacher: SeededPerson;
  readonly students: SeededPerson[];
}

export const BENCH_PASSWORD = 'Lantern-Orbit-42';
const DAY = 86_400_000;

/**
 * Writes a class straight into a data folder through the storage
 * repositories (registering 1,000 people over HTTP would hit the sign-up
 * limit and take minutes): a teacher, `students` active students, one course
 * they are all enrolled in, and one signed-in device each with known tokens.
 * `passwordHash` is shared, so the shipped bcrypt cost costs one hash here.
 */
export async function seedClass(
  target: string | StorageTarget,
  students: number,
  passwordHash: string,
  database?: string,
): Promise<SeededWorld> {
  const where = typeof target === 'string' ? { dataDir: target, database } : target;
  return withStorage(where, async (storage) => {
    const now = new Date().toISOString();
    const teacherRecord = user('teacher0', 'teacher', passwordHash, now, true);
    const studentRecords = Array.from({ length: students }, (_, i) =>
      user(`student${i}`, 'student', passwordHash, now, false),
    );
    await Promise.all([teacherRecord, ...studentRecords].map((u) => storage.users.insert(u)));
    const courseId = randomUUID() as CourseId;
    await storage.courses.insert({
      id: courseId,
      code: 'BENCH101',
      title: 'Benchmarks',
      description: '',
      capacity: students + 10,
      teacherId: teacherRecord.id,
      joinCode: 'BENCH1',
      archived: false,
      createdAt: now,
      updatedAt: now,
    });
    await Promise.all(
      studentRecords.map((s) =>
        storage.enrolments.activateIfRoom(
          {
            id: `${courseId}:${s.id}`,
            courseId,
            userId: s.id,
            status: 'active',
            enrolledAt: now,
            updatedAt: now,
          },
          students + 10,
        ),
      ),
    );
    const [teacher, ...people] = await Promise.all(
      [teacherRecord, ...studentRecords].map((u) => signedIn(storage, u)),
    );
    return { room: `course:${courseId}`, teacher: teacher!, students: people };
  });
}

/** Adds `count` more stored sign-ins and read markers, spread over the class (the "30,000 records" hub). */
export async function seedHistory(
  target: StorageTarget,
  world: SeededWorld,
  count: number,
): Promise<void> {
  await withStorage(target, async (storage) => {
    const owners = [world.teacher, ...world.students];
    const chunk = 2_000;
    for (let start = 0; start < count; start += chunk) {
      const batch = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => {
        const owner = owners[(start + i) % owners.length]!;
        return Promise.all([
          storage.authSessions.insert(session(owner.id).record),
          storage.readMarkers.put({
            id: `${owner.id}|bench:${start + i}`,
            userId: owner.id,
            stream: `bench:${start + i}`,
            seq: 1,
            readSeqs: [],
          }),
        ]);
      });
      await Promise.all(batch);
    }
  });
}

/** Where a bench hub keeps its data: the lowdb folder, or a PostgreSQL database (blobs still in a folder). */
export interface StorageTarget {
  readonly dataDir: string;
  readonly database?: string | undefined;
  readonly blobsDir?: string | undefined;
}

async function withStorage<T>(
  target: StorageTarget,
  work: (storage: Storage) => Promise<T>,
): Promise<T> {
  const { storage, lock } = await openHubStorage(target, createLogger('silent'));
  try {
    return await work(storage);
  } finally {
    await storage.close();
    await lock.release();
  }
}

function user(
  username: string,
  role: 'teacher' | 'student',
  passwordHash: string,
  now: string,
  isAdmin: boolean,
): UserRecord {
  return {
    id: randomUUID() as UserId,
    username,
    email: `${username}@bench.test`,
    firstName: username,
    lastName: 'Bench',
    role,
    isAdmin,
    status: 'active',
    emailVerified: true,
    passwordHash,
    bio: '',
    createdAt: now,
    updatedAt: now,
  };
}

/** A device sign-in with tokens good for a day, so long runs never need a refresh. */
function session(userId: UserId): { record: AuthSessionRecord; access: string; refresh: string } {
  const id = randomUUID() as AuthSessionId;
  const access = newSecret();
  const refresh = newSecret();
  const now = Date.now();
  return {
    access: composeToken(id, access),
    refresh: composeToken(id, refresh),
    record: {
      id,
      userId,
      accessHash: hashToken(access),
      accessExpiresAt: new Date(now + DAY).toISOString(),
      refreshHash: hashToken(refresh),
      refreshExpiresAt: new Date(now + 30 * DAY).toISOString(),
      device: 'bench',
      createdAt: new Date(now).toISOString(),
      refreshedAt: new Date(now).toISOString(),
    },
  };
}

async function signedIn(storage: Storage, u: UserRecord): Promise<SeededPerson> {
  const { record, access, refresh } = session(u.id);
  await storage.authSessions.insert(record);
  return { id: u.id, username: u.username, accessToken: access, refreshToken: refresh };
}
