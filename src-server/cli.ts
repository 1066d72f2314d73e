import {
  ARCHIVE_COMMANDS,
  ARCHIVE_HELP,
  runArchiveCommand,
  type ArchiveCommand,
} from './archive/commands';
import { readCli, helpText } from './cli-args';
import { ConfigError } from './config';
import { createHub } from './hub';

/** `npm run hub -- [options]`: the hub without a window, until Ctrl+C. */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if ((ARCHIVE_COMMANDS as readonly string[]).includes(command ?? '')) {
    await runArchiveCommand(command as ArchiveCommand, rest, process.env);
    return;
  }
  const request = readCli(process.argv.slice(2), process.env);
  if (request.help) {
    console.log(`${helpText('npm run hub --')}\n\n${ARCHIVE_HELP}`);
    return;
  }
  const hub = await createHub(request.options);
  console.log(`ClassHub hub is running at ${hub.url}`);
  for (const lan of hub.lanUrls) console.log(`  students on the network: ${lan}`);
  console.log(
    `  data folder: ${hub.dataDir}\n  API docs: ${hub.url}/api/docs/\nPress Ctrl+C to stop.`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: finishing pending writes…`);
      hub.close().then(
        () => {
          // The last line an operator sees: nothing anyone saved is still pending.
          console.log(`ClassHub hub stopped; all data is saved in ${hub.dataDir}.`);
          process.exit(0);
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof TypeError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
