// Prints the heaviest functions of a V8 CPU profile (--cpu-prof): self time and
// total time (self + callees), so a hot path shows without opening DevTools.
// Usage: npx tsx bench/support/top-frames.ts <file.cpuprofile> [how many]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const [file, count = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: top-frames.ts <file.cpuprofile> [how many]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);

const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src-server|src-shared|bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const [id, n] of hits) {
  const node = byId.get(id)!;
  self.set(name(node), (self.get(name(node)) ?? 0) + n);
  // Each frame counted once per sample even when recursive.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = name(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + n);
  }
}
const all = profile.samples.length;
const show = (title: string, table: Map<string, number>) => {
  console.log(`\n${title} (of ${all} samples)`);
  for (const [key, n] of [...table].sort((a, b) => b[1] - a[1]).slice(0, Number(count)))
    console.log(`${((100 * n) / all).toFixed(1).padStart(5)}%  ${key}`);
};
show('self', self);
show('total', total);
