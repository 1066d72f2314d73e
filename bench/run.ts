import { runAccountsBench } from './accounts.bench';
import { runGradebookBench } from './gradebook';
import { runRealtimeBench } from './realtime.bench';

/** `npm run bench`: every benchmark, one after another (they compete for the same two cores otherwise). */
await runAccountsBench();
await import('./storage.bench');
await runRealtimeBench();
await runGradebookBench();
