import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LowdbCollection } from '../../../../src-server/storage/lowdb/collection';
import { captureLogger, makeTempDir, type TempDir } from '../helpers';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const TRIALS = 6;

/** Runs the writer until it has acknowledged `acks` writes, then SIGKILLs it; returns its output. */
function runAndKill(dir: string, seed: number, acks: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').length > acks) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // 'close', not 'exit': only then has every line the writer printed been read. A loaded
    // machine leaves the last acknowledgements in the pipe at 'exit', and a record found
    // ahead of its last *read* acknowledgement looked lost.
    child.once('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(output) : reject(new Error(`writer stopped: ${errors}`)),
    );
  });
}

/**
 * Kill -9 at arbitrary moments — mid journal append, mid rotation, mid
 * snapshot write: every acknowledged write must be there after the restart,
 * and the folder must load. The kill point varies with the ack count.
 */
describe('a collection killed with SIGKILL while writing and compacting', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir('classhub-crash-');
  });
  afterAll(() => dir.remove());

  it(`loses no acknowledged write over ${TRIALS} kills`, async () => {
    // What was acknowledged last per id: a value, or deleted.
    const acknowledged = new Map<string, number | 'deleted'>();
    const lost: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const output = await runAndKill(dir.path, trial, 300 + trial * 450);
      for (const line of output.split('\n')) {
        const [op, id, value] = line.split(' ');
        if (op === 'put') acknowledged.set(id!, Number(value));
        if (op === 'del') acknowledged.set(id!, 'deleted');
      }
      const captured = captureLogger();
      const tallies = await LowdbCollection.open<{ id: string; value: number }>(
        dir.path,
        { name: 'tallies' },
        captured.logger,
      );
      for (const [id, expected] of acknowledged) {
        const stored = tallies.get(id);
        // A write in flight at the kill may or may not be there, so a value may be one step ahead.
        const ok =
          expected === 'deleted'
            ? stored === undefined || stored.value === 1
            : stored !== undefined && stored.value >= expected && stored.value <= expected + 1;
        if (!ok)
          lost.push(`trial ${trial}: ${id} acknowledged ${expected}, found ${stored?.value}`);
      }
      await tallies.close();
    }
    expect(acknowledged.size).toBeGreaterThan(100);
    expect(lost.slice(0, 5), `${lost.length} acknowledged writes not found`).toEqual([]);
  }, 120_000);
});
