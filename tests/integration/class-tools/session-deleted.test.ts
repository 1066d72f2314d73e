import { describeOnLowdb } from '../../support/test-engine';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CHAT_CONTROLS_TOOL } from '../../../src-server/domains/chat/chat-controls';
import { HANDS_TOOL } from '../../../src-server/domains/class-tools/hands/hand-views';
import { QUESTIONS_TOOL } from '../../../src-server/domains/class-tools/questions/question-views';
import { openStorage } from '../../../src-server/storage/open-storage';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { silentLogger } from '../../server/storage/helpers';
import type { Person } from '../../support/people';
import { startClass, type ClassScene } from './class-scene';

let scene: ClassScene;
beforeEach(async () => {
  scene = await startClass();
});
afterEach(async () => {
  await scene.stop();
});

const session = () => ({ params: { sessionId: scene.sessionId } });

/** A class in full swing: a hand up, an anonymous question, quiet mode on. */
async function liveClass() {
  const { teacher, student } = scene.cast;
  expect((await scene.hub.call('raiseHand', { token: student.token, ...session() })).status).toBe(
    200,
  );
  const asked = await scene.hub.call('askQuestion', {
    token: student.token,
    ...session(),
    body: { text: 'Why is the sky blue?' },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const quiet = await scene.hub.call('updateChatControls', {
    token: teacher.token,
    ...session(),
    body: { quiet: true },
  });
  expect(quiet.status, JSON.stringify(quiet.body)).toBe(200);
}

/** The class-tools records of the session, read from the data folder with the hub closed. */
async function storedToolRecords(): Promise<Record<string, number>> {
  await scene.hub.close();
  const storage = await openStorage(scene.hub.dataDir, silentLogger);
  try {
    const counts: Record<string, number> = {};
    for (const tool of [HANDS_TOOL, QUESTIONS_TOOL, CHAT_CONTROLS_TOOL])
      counts[tool] = (
        await storage.classTools.listForTool(scene.sessionId as SessionId, tool)
      ).length;
    return counts;
  } finally {
    await storage.close();
  }
}

const deleteAs = (who: Person) =>
  scene.hub.call('deleteSession', { token: who.token, ...session() });

// The records are counted by opening the stopped hub's data folder; the deletion code is the same on both engines.
describeOnLowdb('counts the class-tools records by opening the lowdb data folder directly')(
  'a deleted session',
  () => {
    it.each(['teacher', 'admin'] as const)(
      'deleted by its %s takes its hands, questions and chat controls out of storage',
      async (role) => {
        await liveClass();
        expect((await deleteAs(scene.cast[role])).status).toBe(204);
        // The records go in a subscriber of session.deleted, just after the 204.
        await expect
          .poll(async () => {
            const hands = await scene.hub.call('hands', {
              token: scene.cast.admin.token,
              ...session(),
            });
            return hands.status;
          })
          .toBe(404);
        expect(await storedToolRecords()).toEqual({
          [HANDS_TOOL]: 0,
          [QUESTIONS_TOOL]: 0,
          [CHAT_CONTROLS_TOOL]: 0,
        });
      },
    );

    it.each([
      ['student', 403],
      ['outsider', 403],
      ['blocked', 403],
    ] as const)(
      'keeps every record when a %s may not delete the session (%i)',
      async (role, status) => {
        await liveClass();
        const reply = await deleteAs(scene.cast[role]);
        expect(reply.status, JSON.stringify(reply.body)).toBe(status);
        expect(await storedToolRecords()).toEqual({
          [HANDS_TOOL]: 1,
          [QUESTIONS_TOOL]: 1,
          [CHAT_CONTROLS_TOOL]: 1,
        });
      },
    );
  },
);
