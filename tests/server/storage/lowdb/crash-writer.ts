/**
 * Child process for collection-crash.test.ts: writes to one collection as
 * fast as it can, with tiny compaction bounds so compactions run all the
 * time, and prints a line for every write once it is acknowledged. The test
 * kills it with SIGKILL at an arbitrary moment.
 *   node --import tsx crash-writer.ts <dir> <seed>
 */
import { LowdbCollection } from '../../../../src-server/storage/lowdb/collection';
import { createLogger } from '../../../../src-server/logger';

interface Tally {
  readonly id: string;
  readonly value: number;
}

const [dir, seed] = process.argv.slice(2);
const tallies = await LowdbCollection.open<Tally>(
  dir!,
  { name: 'tallies', compaction: { minJournalBytes: 2_000, journalToSnapshot: 1 } },
  createLogger('silent'),
);
const values = new Map<string, number>([...tallies.values()].map((t) => [t.id, t.value]));
process.stdout.write('ready\n');

// Eight writers: inserts of new tallies, increments of existing ones, a few deletes.
await Promise.all(
  Array.from({ length: 8 }, async (_, writer) => {
    for (let i = 0; ; i++) {
      const id = `t${seed}-${writer}-${i % 40}`;
      if (!tallies.get(id)) {
        await tallies.insert({ id, value: 1 });
        values.set(id, 1);
        process.stdout.write(`put ${id} 1\n`);
      } else if (i % 97 === 0) {
        await tallies.delete(id);
        process.stdout.write(`del ${id}\n`);
      } else {
        const next = await tallies.update(id, (t) => ({ ...t, value: t.value + 1 }));
        process.stdout.write(`put ${id} ${next!.value}\n`);
      }
    }
  }),
);
