import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { collect, nextEvent } from '../../support/sockets';
import { startLessonScene, type LessonScene } from './lesson-scene';

/**
 * Polls and quick quizzes in a live session, per role: the host runs them,
 * members answer and see results only once revealed, an admin reads but
 * does not act, outsiders and blocked students are refused.
 */
let scene: LessonScene;
beforeEach(async () => {
  scene = await startLessonScene();
});
afterEach(() => scene.stop());

const QUIZ = {
  kind: 'quiz',
  title: 'Cell parts',
  questions: [
    {
      type: 'single',
      prompt: 'Powerhouse?',
      options: ['Nucleus', 'Mitochondrion'],
      correctOptions: [1],
    },
    {
      type: 'multiple',
      prompt: 'Which have a membrane?',
      options: ['Nucleus', 'Ribosome', 'Mitochondrion'],
      correctOptions: [0, 2],
    },
    { type: 'short', prompt: 'Plant cell wall is made of?', acceptedAnswers: ['cellulose'] },
  ],
};

async function create(body: object = QUIZ, by: Person = scene.teacher) {
  return scene.hub.call('createPoll', {
    token: by.token,
    params: { sessionId: scene.sessionId },
    body,
  });
}
const step = (pollId: string, name: 'openPoll' | 'closePoll' | 'revealPoll', by = scene.teacher) =>
  scene.hub.call(name, { token: by.token, params: { pollId } });
const answer = (pollId: string, by: Person, responses: unknown[]) =>
  scene.hub.call('answerPoll', { token: by.token, params: { pollId }, body: { responses } });
const list = (by: Person) =>
  scene.hub.call('sessionPolls', { token: by.token, params: { sessionId: scene.sessionId } });

describe('a quiz run by the host', () => {
  it('is answered by members, counted for the host, and revealed with each student’s score', async () => {
    const created = await create();
    expect(created.status).toBe(201);
    const pollId = created.body.id;
    // A draft is the host's alone.
    expect((await list(scene.ann)).body).toEqual([]);
    expect((await step(pollId, 'openPoll')).body.state).toBe('open');

    const open = (await list(scene.ann)).body[0];
    expect(open.questions[0]).not.toHaveProperty('correctOptions');
    expect(open.results).toBeNull();

    expect((await answer(pollId, scene.ann, [[1], [0, 2], ' Cellulose '])).status).toBe(200);
    expect((await answer(pollId, scene.ben, [[0], [0], 'wood'])).status).toBe(200);
    const mine = (await scene.hub.call('poll', { token: scene.ann.token, params: { pollId } }))
      .body;
    expect(mine).toMatchObject({
      myResponses: [[1], [0, 2], ' Cellulose '],
      results: null,
      myScore: null,
    });

    const forHost = (
      await scene.hub.call('poll', { token: scene.teacher.token, params: { pollId } })
    ).body;
    expect(forHost.results).toMatchObject({
      answered: 2,
      questions: [
        { optionCounts: [1, 1], correctCount: 1 },
        { optionCounts: [2, 0, 1], correctCount: 1 },
        { correctCount: 1 },
      ],
    });
    expect(forHost.results.questions[2].shortAnswers).toEqual([
      { text: 'Cellulose', count: 1 },
      { text: 'wood', count: 1 },
    ]);

    expect((await step(pollId, 'revealPoll')).body.state).toBe('revealed');
    const annAfter = (await scene.hub.call('poll', { token: scene.ann.token, params: { pollId } }))
      .body;
    const benAfter = (await scene.hub.call('poll', { token: scene.ben.token, params: { pollId } }))
      .body;
    expect([annAfter.myScore, benAfter.myScore]).toEqual([3, 0]);
    expect(annAfter.results.answered).toBe(2);
    expect(annAfter.questions[0].correctOptions).toEqual([1]);

    const responders = await scene.hub.call('pollResponders', {
      token: scene.teacher.token,
      params: { pollId },
    });
    expect(
      responders.body.map((r: { student: { username: string }; score: number }) => [
        r.student.username,
        r.score,
      ]),
    ).toEqual([
      ['ann', 3],
      ['ben', 0],
    ]);
  });

  it('exports the results as CSV with names and scores', async () => {
    const pollId = (await create()).body.id;
    await step(pollId, 'openPoll');
    await answer(pollId, scene.ben, [[1], [0, 2], '=cellulose']);
    const csv = await scene.hub.call('pollCsv', { token: scene.teacher.token, params: { pollId } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      '"last name","first name","username","answered at","Q1 Powerhouse?","Q2 Which have a membrane?","Q3 Plant cell wall is made of?","score (/3)"',
    );
    expect(lines[1]).toMatch(
      /^"Brown","Ben","ben","[^"]+","Mitochondrion","Nucleus; Mitochondrion","'=cellulose","2"$/,
    );
  });

  it('puts a revealed quiz’s scores in the gradebook as an assignment', async () => {
    const pollId = (await create()).body.id;
    await step(pollId, 'openPoll');
    await answer(pollId, scene.ann, [[1], [0, 2], 'cellulose']);
    await answer(pollId, scene.ben, [[1], [1], 'x']);
    const early = await scene.hub.call('pollToGradebook', {
      token: scene.teacher.token,
      params: { pollId },
      body: {},
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('Reveal the quiz first');
    await step(pollId, 'revealPoll');
    const sent = await scene.hub.call('pollToGradebook', {
      token: scene.teacher.token,
      params: { pollId },
      body: { title: 'Quiz: cell parts' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.deadlineId).toEqual(expect.any(String));
    const book = await scene.hub.call('gradebook', {
      token: scene.teacher.token,
      params: { courseId: scene.courseId },
    });
    const column = book.body.assignments.findIndex(
      (a: { title: string }) => a.title === 'Quiz: cell parts',
    );
    expect(book.body.assignments[column].maxPoints).toBe(3);
    const points = Object.fromEntries(
      book.body.rows.map(
        (r: { student: { username: string }; cells: { points: number | null }[] }) => [
          r.student.username,
          r.cells[column]!.points,
        ],
      ),
    );
    expect(points).toMatchObject({ ann: 3, ben: 1 });
    const twice = await scene.hub.call('pollToGradebook', {
      token: scene.teacher.token,
      params: { pollId },
      body: {},
    });
    expect(twice.status).toBe(409);
  });
});

describe('poll rules', () => {
  it('refuses answers before opening and after closing, and answers that do not fit', async () => {
    const pollId = (await create()).body.id;
    expect((await answer(pollId, scene.ann, [[1], [0], 'x'])).status).toBe(404); // a draft is hidden
    await step(pollId, 'openPoll');
    const short = await answer(pollId, scene.ann, [[1]]);
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('Answer all 3 questions');
    const two = await answer(pollId, scene.ann, [[0, 1], [0], 'x']);
    expect(two.body.error.message).toBe('Question 1: choose only one option.');
    await step(pollId, 'closePoll');
    const late = await answer(pollId, scene.ann, [[1], [0], 'x']);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('is closed');
    expect((await step(pollId, 'openPoll')).status).toBe(409);
  });

  it('checks what a teacher writes: options, right answers, no anonymous quiz', async () => {
    const oneOption = await create({
      kind: 'poll',
      title: 'x',
      questions: [{ type: 'single', prompt: 'Pick', options: ['only'] }],
    });
    expect(oneOption.status).toBe(400);
    expect(oneOption.body.error.message).toBe('Question 1 needs at least two options.');
    const noKey = await create({
      kind: 'quiz',
      title: 'x',
      questions: [{ type: 'single', prompt: 'Pick', options: ['a', 'b'] }],
    });
    expect(noKey.body.error.message).toBe('Question 1: mark the right option.');
    const anonymousQuiz = await create({ ...QUIZ, anonymous: true });
    expect(anonymousQuiz.status).toBe(400);
  });

  it('keeps an anonymous poll anonymous: no responders list, a CSV without names', async () => {
    const pollId = (
      await create({
        kind: 'poll',
        title: 'How was today?',
        anonymous: true,
        questions: [{ type: 'single', prompt: 'Pace', options: ['Slow', 'Good', 'Fast'] }],
      })
    ).body.id;
    await step(pollId, 'openPoll');
    await answer(pollId, scene.ann, [[2]]);
    const who = await scene.hub.call('pollResponders', {
      token: scene.teacher.token,
      params: { pollId },
    });
    expect(who.status).toBe(403);
    const csv = await scene.hub.call('pollCsv', { token: scene.teacher.token, params: { pollId } });
    expect((csv.body as string).trim().split('\r\n')).toEqual(['"Q1 Pace"', '"Fast"']);
  });
});

describe('who may do what with a poll', () => {
  it('lets only the host run polls; the admin reads results but cannot act', async () => {
    const { admin, ann, outsider, blocked, teacher } = scene;
    for (const person of [ann, admin, outsider, blocked])
      expect((await create(QUIZ, person)).status).toBe(403);
    const pollId = (await create()).body.id;
    for (const person of [ann, admin, outsider, blocked])
      expect((await step(pollId, 'openPoll', person)).status).toBeGreaterThanOrEqual(403);
    await step(pollId, 'openPoll', teacher);
    await answer(pollId, ann, [[1], [0], 'x']);

    const adminView = await scene.hub.call('poll', { token: admin.token, params: { pollId } });
    expect(adminView.status).toBe(200);
    expect(adminView.body.results.answered).toBe(1);
    expect(
      (await scene.hub.call('pollResponders', { token: admin.token, params: { pollId } })).status,
    ).toBe(200);
    expect(
      (await scene.hub.call('pollCsv', { token: admin.token, params: { pollId } })).status,
    ).toBe(200);
    const adminAnswer = await answer(pollId, admin, [[1], [0], 'x']);
    expect(adminAnswer.status).toBe(403);
    expect((await answer(pollId, teacher, [[1], [0], 'x'])).status).toBe(403);

    for (const person of [outsider, blocked]) {
      expect((await list(person)).status).toBe(403);
      expect((await answer(pollId, person, [[1], [0], 'x'])).status).toBe(403);
      expect(
        (await scene.hub.call('pollCsv', { token: person.token, params: { pollId } })).status,
      ).toBe(403);
    }
    const blockedWhy = await list(blocked);
    expect(blockedWhy.body.error.message).toContain('blocked');
    // A member sees no one's answers.
    expect(
      (await scene.hub.call('pollResponders', { token: ann.token, params: { pollId } })).status,
    ).toBe(403);
    expect((await scene.hub.call('pollCsv', { token: ann.token, params: { pollId } })).status).toBe(
      403,
    );
  });
});

describe('polls live', () => {
  it('sends one student view to the room on each step, and coalesced counts to the host only', async () => {
    const host = await scene.connect(scene.teacher);
    const annSocket = await scene.connect(scene.ann);
    const benSocket = await scene.connect(scene.ben);
    const outsiderSocket = await scene.connect(scene.outsider);
    const outsiderHeard = collect(outsiderSocket, 'poll:changed');
    const annCounts = collect(annSocket, 'poll:results');
    const pollId = (await create()).body.id;

    const opened = nextEvent(benSocket, 'poll:changed');
    await step(pollId, 'openPoll');
    const seen = await opened;
    expect(seen).toMatchObject({ id: pollId, state: 'open', results: null, myResponses: null });
    expect(seen.questions[0]).not.toHaveProperty('correctOptions');

    // Answering over the socket: the ack means stored, and the host's counts follow.
    const counted = new Promise<number>((resolve) => {
      host.on('poll:results', ({ results }) => {
        if (results.answered === 2) resolve(results.answered);
      });
    });
    const ackA = await annSocket.emitWithAck('poll:answer', {
      pollId,
      responses: [[1], [0, 2], 'cellulose'],
    });
    const ackB = await benSocket.emitWithAck('poll:answer', { pollId, responses: [[0], [1], 'x'] });
    expect([ackA.ok, ackB.ok]).toEqual([true, true]);
    expect(await counted).toBe(2);
    const refused = await annSocket.emitWithAck('poll:answer', { pollId, responses: 'nonsense' });
    expect(refused.ok).toBe(false);

    const revealed = nextEvent(annSocket, 'poll:changed');
    await step(pollId, 'revealPoll');
    const reveal = await revealed;
    expect(reveal.state).toBe('revealed');
    expect(reveal.results?.answered).toBe(2);
    expect(reveal.questions[0]!.correctOptions).toEqual([1]);
    await Promise.all([host, annSocket, outsiderSocket].map((s) => s.emitWithAck('hub:ping')));
    expect(annCounts).toEqual([]);
    expect(outsiderHeard).toEqual([]);
  });

  it('catches up after a reconnect through the session’s poll list', async () => {
    const pollId = (await create()).body.id;
    await step(pollId, 'openPoll');
    await answer(pollId, scene.ann, [[1], [0], 'x']);
    await step(pollId, 'revealPoll');
    // Whatever was missed while away, the list a screen fetches on (re)join holds it.
    const polls = (await list(scene.ann)).body;
    expect(polls[0]).toMatchObject({ id: pollId, state: 'revealed', myScore: 1 });
  });
});
