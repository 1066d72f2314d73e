/**
 * Runs a workload and its peer in turn, `runs` times, swapping which goes
 * first each time, so a busy moment on a shared machine hits both sides alike.
 * Returns each run's pair; ratios are taken within a run, never across runs.
 */
export async function paired<T>(
  runs: number,
  subject: (run: number) => Promise<T>,
  peer: (run: number) => Promise<T>,
): Promise<Array<{ subject: T; peer: T }>> {
  const results = await interleaved(runs, [subject, peer]);
  return results.map(([s, p]) => ({ subject: s!, peer: p! }));
}

/**
 * The same for any number of sides: each run starts with the next side in
 * turn (A B C, B C A, C A B, …). Returns each run's results in the sides' order.
 * `between` runs after every side: a pause long enough for a server's
 * background work (a flush every few seconds) to finish, so its tail lands in
 * its own turn and never in the next side's.
 */
export async function interleaved<T>(
  runs: number,
  sides: ReadonlyArray<(run: number) => Promise<T>>,
  between: () => Promise<void> = async () => undefined,
): Promise<T[][]> {
  const results: T[][] = [];
  for (let run = 0; run < runs; run++) {
    const row: T[] = new Array<T>(sides.length);
    for (let turn = 0; turn < sides.length; turn++) {
      const side = (run + turn) % sides.length;
      row[side] = await sides[side]!(run);
      await between();
    }
    results.push(row);
  }
  return results;
}
