import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoWorld } from './seed';

/** `npm run seed -- --data DIR [--database URL] [--reset]` */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    database: { type: 'string' },
    reset: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'Usage: npm run seed -- [--data DIR] [--database URL] [--reset]\n  --data      data folder to fill (default $CLASSHUB_DATA or ./hub-data)\n  --database  PostgreSQL database to fill instead (default $CLASSHUB_DATABASE_URL)\n  --reset     delete everything in the folder first (data folder only)',
  );
  process.exit(0);
}
const dataDir = resolve(values.data ?? process.env.CLASSHUB_DATA ?? './hub-data');
const database = values.database ?? (process.env.CLASSHUB_DATABASE_URL || undefined);
if (values.reset && database) {
  console.error('--reset empties a data folder only; for a database, drop and create it again.');
  process.exit(1);
}
if (values.reset) await rm(dataDir, { recursive: true, force: true });
seedDemoWorld(dataDir, console.log, { database }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
