// Child process: the real hub (createHub, every domain wired as in production),
// reporting its own CPU, RSS and event-loop lag to the bench over IPC.
import type { HubOptions } from '../../src-server/config';
import { createHub } from '../../src-server/hub';
import { answerStats } from './child-stats';

const options = JSON.parse(process.argv[2] ?? '{}') as HubOptions;
const hub = await createHub({
  port: 0,
  host: '127.0.0.1',
  logLevel: 'warn',
  verification: 'none',
  advertise: false,
  ...options,
});
answerStats(() => hub.close());
process.send!({ type: 'ready', url: hub.url });
