/**
 * Cold start and memory of the hub as `npm run hub` used to run it (tsx
 * compiling the TypeScript sources at every start) against the built hub it
 * runs now (scripts/launch.mjs → dist-hub), started in turn, interleaved, so
 * both see the same machine load. Also the bytes a browser's first page load
 * transfers, plain as the hub used to send them and precompressed as it does
 * now. Needs `npm run build`.
 *
 * `npx tsx bench/hub-start.ts [rounds]` (default 5).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const HUB_ARGS = ['--port', '0', '--host', '127.0.0.1', '--no-advertise', '--log-level', 'warn'];

interface Variant {
  readonly name: string;
  readonly command: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'tsx src-server/cli.ts (before)',
    command: [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src-server/cli.ts'],
    env: {},
  },
  {
    name: 'node scripts/launch.mjs hub (npm run hub now)',
    command: ['scripts/launch.mjs', 'hub'],
    env: {},
  },
  {
    name: 'node dist-hub/cli.js (the bundle alone)',
    command: ['dist-hub/cli.js'],
    env: { NODE_ENV: 'production' },
  },
];

export interface StartSample {
  readonly ms: number;
  /** Resident memory of the hub's process tree once it serves, in MB. */
  readonly rssMb: number;
}

export interface HubStartResult {
  readonly starts: {
    name: string;
    medianMs: number;
    medianRssMb: number;
    samples: StartSample[];
  }[];
  readonly firstPageLoad: { plain: number; gzip: number; brotli: number; files: number };
}

/** One cold start: spawn → "running at" → /api/health answers → RSS read → SIGTERM. */
async function startOnce(variant: Variant): Promise<StartSample> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'classhub-bench-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [...variant.command, ...HUB_ARGS, '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...variant.env },
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`${variant.name} exited:\n${output}`)));
    });
    const health = await fetch(`${url}/api/health`);
    if (health.status !== 200) throw new Error(`${variant.name}: /api/health ${health.status}`);
    const ms = performance.now() - started;
    const rssMb = (await treeRssKb(child.pid!)) / 1024;
    return { ms, rssMb };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** VmRSS of a process and its descendants (tsx runs the hub in a child process). Linux only. */
async function treeRssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  let total = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.split(' ').filter(Boolean))
      total += await treeRssKb(Number(child));
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * What a browser fetches on a first visit: index.html and every script and
 * stylesheet it names, read from a running built hub as plain, gzip and brotli.
 */
async function firstPageLoadBytes(): Promise<HubStartResult['firstPageLoad']> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'classhub-bench-bytes-'));
  const child = spawn(process.execPath, ['dist-hub/cli.js', ...HUB_ARGS, '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    const url = await new Promise<string>((resolve) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
    });
    const index = (await wireBytes(`${url}/`, '')).body.toString();
    const assets = [...index.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    const paths = ['/', ...new Set(assets)];
    const total = async (encoding: string) => {
      let sum = 0;
      for (const asset of paths) sum += (await wireBytes(`${url}${asset}`, encoding)).body.length;
      return sum;
    };
    return {
      plain: await total(''),
      gzip: await total('gzip'),
      brotli: await total('gzip, deflate, br'),
      files: paths.length,
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

function wireBytes(url: string, acceptEncoding: string): Promise<{ body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function runHubStartBench(rounds = 5): Promise<HubStartResult> {
  const samples = VARIANTS.map(() => [] as StartSample[]);
  // One warm-up start each (disk cache), not counted; then the variants take turns.
  for (const variant of VARIANTS) await startOnce(variant);
  for (let round = 0; round < rounds; round++) {
    for (const [i, variant] of VARIANTS.entries()) samples[i]!.push(await startOnce(variant));
  }
  const starts = VARIANTS.map((variant, i) => ({
    name: variant.name,
    medianMs: median(samples[i]!.map((s) => s.ms)),
    medianRssMb: median(samples[i]!.map((s) => s.rssMb)),
    samples: samples[i]!,
  }));
  const before = starts[0]!;
  console.log(
    `hub cold start to first /api/health answer, median of ${rounds} interleaved rounds:`,
  );
  for (const start of starts) {
    console.log(
      `  ${start.name.padEnd(48)} ${start.medianMs.toFixed(0).padStart(5)} ms  ${start.medianRssMb.toFixed(0).padStart(4)} MB RSS` +
        `  (×${(start.medianMs / before.medianMs).toFixed(2)} time, ×${(start.medianRssMb / before.medianRssMb).toFixed(2)} memory)`,
    );
  }
  const firstPageLoad = await firstPageLoadBytes();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `first page load (${firstPageLoad.files} files: index.html and the scripts and styles it names):\n` +
      `  plain ${kb(firstPageLoad.plain)} → gzip ${kb(firstPageLoad.gzip)} (×${(firstPageLoad.gzip / firstPageLoad.plain).toFixed(2)}), brotli ${kb(firstPageLoad.brotli)} (×${(firstPageLoad.brotli / firstPageLoad.plain).toFixed(2)})`,
  );
  return { starts, firstPageLoad };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await runHubStartBench(Number(process.argv[2] ?? 5));
}
