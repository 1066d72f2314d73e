import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { collect, nextEvent } from '../../support/sockets';
import { startLessonScene, type LessonScene } from './lesson-scene';

/** Exit tickets: one question at the end of class, one answer per student, read by the host in one list. */
let scene: LessonScene;
beforeEach(async () => {
  scene = await startLessonScene();
});
afterEach(() => scene.stop());

const ask = (question = 'One thing you learned today?', by: Person = scene.teacher) =>
  scene.hub.call('createExitTicket', {
    token: by.token,
    params: { sessionId: scene.sessionId },
    body: { question },
  });
const answer = (ticketId: string, by: Person, text: string) =>
  scene.hub.call('answerExitTicket', { token: by.token, params: { ticketId }, body: { text } });
const answers = (ticketId: string, by: Person = scene.teacher) =>
  scene.hub.call('exitTicketAnswers', { token: by.token, params: { ticketId } });

describe('an exit ticket', () => {
  it('takes one answer per student, and the host reads them all in one list', async () => {
    const asked = await ask();
    expect(asked.status).toBe(201);
    const ticketId = asked.body.id;
    expect((await answer(ticketId, scene.ann, 'Mitochondria make energy')).body).toMatchObject({
      myAnswer: 'Mitochondria make energy',
      answered: 1,
    });
    await answer(ticketId, scene.ben, 'Cells have walls');
    const again = await answer(ticketId, scene.ann, 'changed my mind');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('You have answered this exit ticket already.');
    const empty = await answer(ticketId, scene.ben, '   ');
    expect(empty.status).toBe(400);
    const list = (await answers(ticketId)).body;
    expect(
      list.map((a: { student: { username: string }; text: string }) => [
        a.student.username,
        a.text,
      ]),
    ).toEqual([
      ['ann', 'Mitochondria make energy'],
      ['ben', 'Cells have walls'],
    ]);
  });

  it('takes no answers once closed, and one open ticket per session', async () => {
    const ticketId = (await ask()).body.id;
    expect((await ask('Another?')).status).toBe(409);
    await scene.hub.call('closeExitTicket', { token: scene.teacher.token, params: { ticketId } });
    const late = await answer(ticketId, scene.ann, 'too late');
    expect(late.status).toBe(409);
    expect((await ask('Next lesson’s ticket')).status).toBe(201);
  });

  it('is the host’s to ask and read; the admin reads; members answer; outsiders and blocked students are refused', async () => {
    const { admin, ann, outsider, blocked, teacher } = scene;
    for (const person of [ann, admin, outsider, blocked])
      expect((await ask('?', person)).status).toBe(403);
    const ticketId = (await ask()).body.id;
    expect((await answer(ticketId, admin, 'x')).status).toBe(403);
    expect((await answer(ticketId, teacher, 'x')).status).toBe(403);
    expect((await answer(ticketId, outsider, 'x')).status).toBe(403);
    expect((await answer(ticketId, blocked, 'x')).status).toBe(403);
    await answer(ticketId, ann, 'seen');
    expect((await answers(ticketId, admin)).status).toBe(200);
    for (const person of [ann, outsider, blocked])
      expect((await answers(ticketId, person)).status).toBe(403);
    for (const person of [admin, teacher])
      expect(
        (await scene.hub.call('closeExitTicket', { token: person.token, params: { ticketId } }))
          .status,
      ).toBe(person === teacher ? 200 : 403);
  });

  it('is live: the question to the room, the count to the host only', async () => {
    const host = await scene.connect(scene.teacher);
    const ben = await scene.connect(scene.ben);
    const benCounts = collect(ben, 'exit-ticket:counts');
    const asked = nextEvent(ben, 'exit-ticket:changed');
    const ticketId = (await ask()).body.id;
    expect(await asked).toMatchObject({ id: ticketId, state: 'open', myAnswer: null });
    const counted = nextEvent(host, 'exit-ticket:counts');
    await answer(ticketId, scene.ann, 'x');
    expect(await counted).toMatchObject({ ticketId, answered: 1 });
    await ben.emitWithAck('hub:ping');
    expect(benCounts).toEqual([]);
  });
});
