import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import type { ClassToolsRepository } from '../../../../src-server/storage/repositories';

export interface OpenedClassToolsRepository {
  readonly classTools: ClassToolsRepository;
  /** Closes and opens the same store again, to check what survived. */
  reopen(): Promise<OpenedClassToolsRepository>;
  close(): Promise<void>;
}

const record = (sessionId: string, tool: string, key: string, state = {}) => ({
  id: `${sessionId}/${tool}/${key}`,
  sessionId: sessionId as SessionId,
  tool,
  state,
  updatedAt: new Date('2026-12-04T10:00:00Z').toISOString(),
});

/** What the class tools (hands, questions, chat controls) rely on, whatever stores them. */
export function describeClassToolsRepositoryContract(
  engine: string,
  open: () => Promise<OpenedClassToolsRepository>,
) {
  describe(`class-tools repository (${engine})`, () => {
    let store: OpenedClassToolsRepository;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('lists one tool of one session in insertion order, nothing of other tools or sessions', async () => {
      const { classTools } = store;
      await classTools.put(record('s1', 'hands', 'u1'));
      await classTools.put(record('s1', 'questions', 'q1'));
      await classTools.put(record('s2', 'hands', 'u1'));
      await classTools.put(record('s1', 'hands', 'u2'));
      expect((await classTools.listForTool('s1' as SessionId, 'hands')).map((r) => r.id)).toEqual([
        's1/hands/u1',
        's1/hands/u2',
      ]);
      expect(await classTools.listForTool('s3' as SessionId, 'hands')).toEqual([]);
    });

    it('replaces on put, changes in one step, deletes, and keeps it all across a reopen', async () => {
      await store.classTools.put(record('s1', 'chat', 'controls', { quiet: false }));
      await store.classTools.put(record('s1', 'chat', 'controls', { quiet: true }));
      await store.classTools.put(record('s1', 'questions', 'q1', { upvoterIds: [] }));
      await store.classTools.update('s1/questions/q1', (r) => ({
        ...r,
        state: { upvoterIds: ['u1'] },
      }));
      expect(await store.classTools.update('s1/questions/none', (r) => r)).toBeUndefined();
      await store.classTools.put(record('s1', 'hands', 'u1'));
      expect(await store.classTools.delete('s1/hands/u1')).toBe(true);
      expect(await store.classTools.delete('s1/hands/u1')).toBe(false);
      store = await store.reopen();
      expect((await store.classTools.get('s1/chat/controls'))?.state).toEqual({ quiet: true });
      expect((await store.classTools.get('s1/questions/q1'))?.state).toEqual({
        upvoterIds: ['u1'],
      });
      expect(await store.classTools.listForTool('s1' as SessionId, 'hands')).toEqual([]);
    });
  });
}
