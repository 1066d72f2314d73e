import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoWorld } from './seed';

/** `npm run seed -- --data DIR [--reset]` */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    reset: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'Usage: npm run seed -- [--data DIR] [--reset]\n  --data   data folder to fill (default $CLASSHUB_DATA or ./hub-data)\n  --reset  delete everything in the folder first',
  );
  process.exit(0);
}
const dataDir = resolve(values.data ?? process.env.CLASSHUB_DATA ?? './hub-data');
if (values.reset) await rm(dataDir, { recursive: true, force: true });
seedDemoWorld(dataDir).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
