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
  const results: Array<{ subject: T; peer: T }> = [];
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      const s = await subject(run);
      const p = await peer(run);
      results.push({ subject: s, peer: p });
    } else {
      const p = await peer(run);
      const s = await subject(run);
      results.push({ subject: s, peer: p });
    }
  }
  return results;
}
