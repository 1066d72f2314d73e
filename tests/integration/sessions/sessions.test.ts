import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { TestClock, block, hostSession, join, post } from './fixtures';

/** 9 symbols, no look-alikes (no 0/O, 1/I/L), shown in three groups of three. */
const FORMATTED_TOKEN = /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/;

const clock = new TestClock();
let hub: TestHub;
let host: Person;
let member: Person;
beforeAll(async () => {
  hub = await startHub({ verification: 'none', now: clock.now, accessTokenMinutes: 240 });
  await signUp(hub); // the admin
  host = await signUp(hub, { role: 'teacher', username: 'ms_host' });
  member = await signUp(hub, { username: 'mo_member' });
});
afterEach(() => clock.reset());
afterAll(() => hub.stop());

const joinWith = (person: Person, token: string) =>
  hub.call('joinSession', { token: person.token, body: { token } });
const viewSession = (person: Person, sessionId: string) =>
  hub.call('session', { token: person.token, params: { sessionId } });

describe('hosting a session', () => {
  it('gives a new session a join token of 9 no-look-alike symbols, shown to the host as ABC-DEF-GHJ', async () => {
    const reply = await hub.call('createSession', {
      token: host.token,
      body: { title: '  Algebra revision ', description: 'Bring chapter 4' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      title: 'Algebra revision',
      description: 'Bring chapter 4',
      host: { username: 'ms_host' },
      memberCount: 1,
      myRole: 'host',
    });
    expect(reply.body.joinToken).toMatch(FORMATTED_TOKEN);
    expect(reply.body.joinTokenExpiresAt).toBeUndefined();
  });

  it('gives every session its own token', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 8; i++) tokens.add((await hostSession(hub, host)).joinToken);
    expect(tokens.size).toBe(8);
  });

  it('never shows the token to members: not on joining, viewing or listing', async () => {
    const session = await hostSession(hub, host);
    const joined = await joinWith(member, session.joinToken);
    expect(joined.body).toMatchObject({ id: session.id, myRole: 'member', memberCount: 2 });
    expect(joined.body).not.toHaveProperty('joinToken');
    expect((await viewSession(member, session.id)).body).not.toHaveProperty('joinToken');
    const listed = await hub.call('sessions', { token: member.token, query: { scope: 'joined' } });
    const mine = listed.body.items.find((s: { id: string }) => s.id === session.id);
    expect(mine).toMatchObject({ myRole: 'member' });
    expect(mine).not.toHaveProperty('joinToken');
    expect((await viewSession(host, session.id)).body.joinToken).toBe(session.joinToken);
  });

  it('refuses a session without a title, naming the field', async () => {
    const reply = await hub.call('createSession', { token: host.token, body: { title: '   ' } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0]).toEqual({
      path: 'title',
      message: 'Give the session a title.',
    });
  });

  it('refuses a token expiry in the past, naming the field', async () => {
    const reply = await hub.call('createSession', {
      token: host.token,
      body: { title: 'Too late', joinTokenExpiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].path).toBe('joinTokenExpiresAt');
  });

  it('lets the host edit title and description, and clear the token expiry', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const session = await hostSession(hub, host, { title: 'Draft', joinTokenExpiresAt: expiresAt });
    const edited = await hub.call('updateSession', {
      token: host.token,
      params: { sessionId: session.id },
      body: { title: 'Final', description: 'Room 12', joinTokenExpiresAt: null },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Final', description: 'Room 12' });
    expect(edited.body).not.toHaveProperty('joinTokenExpiresAt');
    expect(edited.body.joinToken).toBe(session.joinToken);
  });
});

describe('joining with a token', () => {
  it('accepts the token typed in lower case with spaces and dashes', async () => {
    const session = await hostSession(hub, host);
    const typed = ` ${session.joinToken.toLowerCase().replace(/-/g, ' - ')} `; // " abc - def - ghj "
    const reply = await joinWith(member, typed);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: session.id, myRole: 'member', memberCount: 2 });
  });

  it('answers a wrong token with 404', async () => {
    const reply = await joinWith(member, 'ZZZ-ZZZ-ZZZ');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(reply.body.error.message).toContain('No session has this join token');
  });

  it('answers an expired token with 410, while it worked before the expiry', async () => {
    const expiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const session = await hostSession(hub, host, { title: 'Timed', joinTokenExpiresAt: expiresAt });
    const early = await signUp(hub);
    expect((await joinWith(early, session.joinToken)).status).toBe(200);
    clock.advance(61 * 60_000);
    const late = await joinWith(member, session.joinToken);
    expect(late.status).toBe(410);
    expect(late.body.error).toMatchObject({
      code: 'GONE',
      message: 'This join token has expired. Ask your host for a new one.',
    });
  });

  it('answers someone already in the session with 409, the host included', async () => {
    const session = await hostSession(hub, host, { title: 'Twice' });
    await join(hub, member, session.joinToken);
    const again = await joinWith(member, session.joinToken);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('You are already in “Twice”.');
    expect((await joinWith(host, session.joinToken)).status).toBe(409);
  });

  it('rate-limits guessing: after 10 wrong tokens even the right one gets 429 with Retry-After', async () => {
    const session = await hostSession(hub, host);
    const guesser = await signUp(hub);
    for (let i = 0; i < 10; i++) expect((await joinWith(guesser, `WRONG${i}`)).status).toBe(404);
    const locked = await joinWith(guesser, session.joinToken);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(locked.body.error.details.retryAfterSeconds).toBe(retryAfter);
    expect((await viewSession(guesser, session.id)).status).toBe(403);
    // Someone else, who guessed nothing, still joins.
    expect((await joinWith(await signUp(hub), session.joinToken)).status).toBe(200);
  });

  it('stops accepting the old token once the host regenerates it', async () => {
    const session = await hostSession(hub, host);
    const regenerated = await hub.call('regenerateJoinToken', {
      token: host.token,
      params: { sessionId: session.id },
    });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.joinToken).toMatch(FORMATTED_TOKEN);
    expect(regenerated.body.joinToken).not.toBe(session.joinToken);
    expect((await joinWith(member, session.joinToken)).status).toBe(404);
    expect((await joinWith(member, regenerated.body.joinToken)).status).toBe(200);
  });
});

describe('removing and blocking members', () => {
  it('a removed member loses access at once and may rejoin with the token', async () => {
    const session = await hostSession(hub, host);
    await join(hub, member, session.joinToken);
    const removed = await hub.call('removeMember', {
      token: host.token,
      params: { sessionId: session.id, userId: member.id },
    });
    expect(removed.status).toBe(204);
    expect((await viewSession(member, session.id)).status).toBe(403);
    expect((await viewSession(host, session.id)).body.memberCount).toBe(1);
    expect((await joinWith(member, session.joinToken)).status).toBe(200);
  });

  it('a blocked member cannot rejoin (403) until the host unblocks them', async () => {
    const session = await hostSession(hub, host);
    await join(hub, member, session.joinToken);
    await block(hub, host, session.id, member);
    const refused = await joinWith(member, session.joinToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('The host has blocked you from this session.');
    expect((await viewSession(member, session.id)).status).toBe(403);
    const unblocked = await hub.call('unblockMember', {
      token: host.token,
      params: { sessionId: session.id, userId: member.id },
    });
    expect(unblocked.status).toBe(204);
    expect((await joinWith(member, session.joinToken)).status).toBe(200);
    expect((await viewSession(member, session.id)).body.myRole).toBe('member');
  });

  it('refuses to remove the host or someone who is not a member', async () => {
    const session = await hostSession(hub, host);
    const self = await hub.call('removeMember', {
      token: host.token,
      params: { sessionId: session.id, userId: host.id },
    });
    expect(self.status).toBe(409);
    const stranger = await hub.call('removeMember', {
      token: host.token,
      params: { sessionId: session.id, userId: member.id },
    });
    expect(stranger.status).toBe(404);
  });
});

describe('leaving and deleting', () => {
  it('a host cannot leave their own session (409)', async () => {
    const session = await hostSession(hub, host);
    const reply = await hub.call('leaveSession', {
      token: host.token,
      params: { sessionId: session.id },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toBe(
      'A host cannot leave their own session; delete it instead.',
    );
  });

  it('a member leaves and loses access; the member count drops', async () => {
    const session = await hostSession(hub, host);
    await join(hub, member, session.joinToken);
    const reply = await hub.call('leaveSession', {
      token: member.token,
      params: { sessionId: session.id },
    });
    expect(reply.status).toBe(204);
    expect((await viewSession(member, session.id)).status).toBe(403);
    expect((await viewSession(host, session.id)).body.memberCount).toBe(1);
  });

  it('deleting a session takes its posts and comments with it: their ids answer 404', async () => {
    const session = await hostSession(hub, host);
    await join(hub, member, session.joinToken);
    const memberPost = await post(hub, member, session.id, { text: 'mine' });
    const comment = await hub.call('createComment', {
      token: member.token,
      params: { postId: memberPost.id },
      body: { text: 'note' },
    });
    expect(comment.status).toBe(201);
    const deleted = await hub.call('deleteSession', {
      token: host.token,
      params: { sessionId: session.id },
    });
    expect(deleted.status).toBe(204);
    expect((await viewSession(host, session.id)).status).toBe(404);
    const postId = memberPost.id as string;
    const commentId = comment.body.id as string;
    const afterwards = [
      await hub.call('updatePost', {
        token: member.token,
        params: { postId },
        body: { text: 'x' },
      }),
      await hub.call('comments', { token: member.token, params: { postId } }),
      await hub.call('updateComment', {
        token: member.token,
        params: { commentId },
        body: { text: 'x' },
      }),
      await hub.call('deleteComment', { token: member.token, params: { commentId } }),
      await hub.call('posts', { token: host.token, params: { sessionId: session.id } }),
      await joinWith(member, session.joinToken),
    ];
    expect(afterwards.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    const joined = await hub.call('sessions', { token: member.token, query: { scope: 'joined' } });
    expect(joined.body.items.map((s: { id: string }) => s.id)).not.toContain(session.id);
  });
});
