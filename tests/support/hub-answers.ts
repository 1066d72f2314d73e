import { expect } from 'vitest';
import type { RouteName } from '../../src-shared/api';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src-server/seed/demo-world';
import { call } from './http';

/** Routes every account is asked, without parameters. */
const PLAIN_ROUTES: RouteName[] = [
  'me',
  'courses',
  'sessions',
  'chatRooms',
  'notifications',
  'calendar',
  'activity',
  'upcomingDeadlines',
  'teaching',
  'myStudents',
  'searchUsers',
];
/** Wide enough for every demo deadline and session, whenever the test runs. */
const CALENDAR_RANGE = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
/** Asked of the admin only. */
const ADMIN_ROUTES: RouteName[] = [
  'adminUsers',
  'adminEnrolments',
  'adminMaterials',
  'adminDeadlines',
  'adminSubmissions',
  'adminFeedback',
  'adminPosts',
  'adminComments',
  'adminStatusUpdates',
  'settings',
];

/**
 * What each demo account sees of a hub: the JSON of a set of GET routes,
 * then of every course, session and chat room those answers name. Two hubs
 * holding the same data give the same answers, except for what a sign-in
 * itself changes (the last sign-in time) and the hub's own address.
 */
export async function answersOfEveryAccount(url: string): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const person of DEMO_PEOPLE) {
    const signIn = await call(url, 'signIn', {
      body: { username: person.username, password: DEMO_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const token = signIn.body.tokens.accessToken as string;
    const ask = async (name: RouteName, params?: Record<string, string>) => {
      const query = name === 'calendar' ? CALENDAR_RANGE : undefined;
      const reply = await call(url, name, {
        token,
        ...(params ? { params } : {}),
        ...(query ? { query } : {}),
      });
      answers[`${person.username} ${name} ${JSON.stringify(params ?? {})}`] = {
        status: reply.status,
        body: normalise(reply.body, url),
      };
      return reply.body;
    };
    for (const name of PLAIN_ROUTES) await ask(name);
    if (person.username === 'admin') for (const name of ADMIN_ROUTES) await ask(name);
    await ask('profile', { username: person.username });
    const courses = (await call(url, 'courses', { token })).body.items ?? [];
    for (const course of courses as { id: string }[]) {
      for (const name of ['course', 'materials', 'deadlines', 'announcements'] as RouteName[])
        await ask(name, { courseId: course.id });
    }
    const sessions = (await call(url, 'sessions', { token })).body.items ?? [];
    for (const session of sessions as { id: string }[]) {
      await ask('session', { sessionId: session.id });
      await ask('members', { sessionId: session.id });
      await ask('posts', { sessionId: session.id });
    }
    const rooms = (await call(url, 'chatRooms', { token })).body;
    for (const room of (Array.isArray(rooms) ? rooms : (rooms.items ?? [])) as { room: string }[])
      await ask('chatHistory', { room: room.room });
  }
  return answers;
}

/** Drops what differs between two hubs with the same data: sign-in times, the hub's address, link keys. */
function normalise(value: unknown, url: string): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item, url));
  if (typeof value === 'string')
    return value
      .split(url)
      .join('<hub>')
      .replace(/([?&](key|ticket)=)[^&"]+/g, '$1…');
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['lastSignInAt', 'online', 'onlineCount'].includes(key))
      .map(([key, item]) => [key, normalise(item, url)]),
  );
}
