import type { Session } from '../../../src-shared/schemas/sessions';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface SessionsState {
  hosted: readonly Session[];
  joined: readonly Session[];
  query: string;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
}

/** "My sessions": the ones you host and the ones you joined, searched by title and host. */
export const sessionsStore = createStore<SessionsState>({
  hosted: [],
  joined: [],
  query: '',
  status: 'idle',
  error: undefined,
});

const PAGE = { page: 1, pageSize: 100 } as const;
let latest = 0;

export async function loadSessions(query = sessionsStore.get().query): Promise<void> {
  const ticket = ++latest;
  sessionsStore.set({ query, status: 'loading', error: undefined });
  const q = query.trim() || undefined;
  try {
    const [hosted, joined] = await Promise.all([
      api.call('sessions', { query: { ...PAGE, scope: 'hosted', q } }),
      api.call('sessions', { query: { ...PAGE, scope: 'joined', q } }),
    ]);
    if (ticket !== latest) return;
    sessionsStore.set({ hosted: hosted.items, joined: joined.items, status: 'ready' });
  } catch (error) {
    if (ticket === latest) sessionsStore.set({ status: 'failed', error });
  }
}

export interface NewSession {
  title: string;
  description: string;
  /** ISO date-time, or undefined for a token that never expires. */
  joinTokenExpiresAt: string | undefined;
  /** Ties the session to one of the teacher's courses. */
  courseId?: string | undefined;
  /** A scheduled meeting (ISO, both or neither): it shows in members' calendars. */
  startsAt?: string | undefined;
  endsAt?: string | undefined;
}

export async function createSession(input: NewSession): Promise<Session> {
  const session = await api.call('createSession', {
    body: {
      title: input.title,
      description: input.description,
      ...(input.joinTokenExpiresAt ? { joinTokenExpiresAt: input.joinTokenExpiresAt } : {}),
      ...(input.courseId ? { courseId: input.courseId } : {}),
      ...(input.startsAt ? { startsAt: input.startsAt } : {}),
      ...(input.endsAt ? { endsAt: input.endsAt } : {}),
    },
  });
  sessionsStore.set((s) => ({ hosted: [session, ...s.hosted] }));
  return session;
}

export async function joinSession(token: string): Promise<Session> {
  const session = await api.call('joinSession', { body: { token } });
  sessionsStore.set((s) => ({ joined: [session, ...s.joined.filter((x) => x.id !== session.id)] }));
  return session;
}

/** A session that changed or went away elsewhere (the open session page tells the list). */
export function forgetSession(sessionId: Session['id']): void {
  sessionsStore.set((s) => ({
    hosted: s.hosted.filter((x) => x.id !== sessionId),
    joined: s.joined.filter((x) => x.id !== sessionId),
  }));
}
