// Preloaded into the BUILT hub (`node --import hub-child.mjs dist-hub/cli.js
// <flags>`), so the bench measures what `npm run hub` runs, not tsx compiling
// the sources. It tells the bench where the hub listens and answers its
// IPC requests (CPU, RSS, event-loop lag, stop) from inside the hub's process.
import { isMainThread } from 'node:worker_threads';
import { answerStats } from './child-stats.mjs';

// --import also runs in the hub's worker threads (the password hashers): only the main one answers.
if (isMainThread) preload();

function preload() {
  const send = /** @type {NonNullable<typeof process.send>} */ (process.send).bind(process);
  let ready = false;
  // The CLI's only console output is its banner ("running at …") and its goodbye:
  // the first tells the bench the address, neither belongs in the bench's output.
  // Warnings and errors still reach the terminal (pino writes to stdout itself).
  console.log = (...args) => {
    const match = /running at (http:\/\/\S+)/.exec(args.map(String).join(' '));
    if (match && !ready) {
      ready = true;
      send({ type: 'ready', url: match[1] });
    }
  };
  // The CLI finishes pending writes on SIGTERM, then exits.
  answerStats(async () => {
    process.kill(process.pid, 'SIGTERM');
    await new Promise(() => undefined);
  });
}
