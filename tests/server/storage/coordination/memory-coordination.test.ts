import { describe, expect, it } from 'vitest';
import { memoryTurns } from '../../../../src-server/storage/coordination/memory-coordination';

/** The same turns as pg-coordination.postgres.test.ts, kept in one process. */
describe('turns in memory', () => {
  it('gives one turn per gap on the caller’s clock and says how long to wait', async () => {
    const turns = memoryTurns();
    const at = 1_000_000;
    expect(await turns.take('room|ann', 30_000, at)).toEqual({ taken: true, until: at + 30_000 });
    expect(await turns.take('room|ann', 30_000, at + 18_000)).toEqual({
      taken: false,
      waitMs: 12_000,
    });
    expect(await turns.take('room|ben', 30_000, at + 18_000)).toMatchObject({ taken: true });
    expect(await turns.take('room|ann', 30_000, at + 30_000)).toMatchObject({ taken: true });
  });

  it('takes back a turn given back, but not one taken since', async () => {
    const turns = memoryTurns();
    const first = await turns.take('room|cat', 60_000, 5_000);
    if (!first.taken) throw new Error('the first turn was refused');
    await turns.giveBack('room|cat', first.until);
    expect(await turns.take('room|cat', 60_000, 6_000)).toMatchObject({ taken: true });
    await turns.giveBack('room|cat', first.until);
    expect(await turns.take('room|cat', 60_000, 7_000)).toMatchObject({ taken: false });
  });
});
