// Peer for the sign-in bench: a plain bcryptjs pool with one worker per core,
// checking N passwords at once. Nothing else: no HTTP, no storage, no throttle.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { answerStats } from '../support/child-stats.mjs';

const pool = new Piscina({
  filename: new URL('./bcrypt-worker.mjs', import.meta.url).href,
  maxThreads: availableParallelism(),
  idleTimeout: 60_000, // piscina's default 0 ends a thread between tasks: no pool would ship that
});

interface CompareRequest {
  type: 'compare';
  count: number;
  password: string;
  hash: string;
}

process.on('message', (request: CompareRequest) => {
  if (request.type !== 'compare') return;
  const start = performance.now();
  void Promise.all(
    Array.from({ length: request.count }, () =>
      pool.run({ password: request.password, hash: request.hash }),
    ),
  ).then(() => process.send!({ type: 'done', ms: performance.now() - start }));
});
answerStats(() => pool.destroy());
process.send!({ type: 'ready', url: '' });
