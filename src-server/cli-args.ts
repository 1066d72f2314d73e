import { parseArgs } from 'node:util';
import { defaultOf, OPTION_DOCS, type HubOptions } from './config';

export interface CliRequest {
  readonly help: boolean;
  readonly options: HubOptions;
}

/** Flags win over environment variables, which win over defaults. */
export function readCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliRequest {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(OPTION_DOCS.map((o) => [o.flag, { type: 'string' as const }])),
    },
    strict: true,
    allowPositionals: false,
  });
  const options: Record<string, string> = {};
  for (const option of OPTION_DOCS) {
    const value = (values as Record<string, string | undefined>)[option.flag] ?? env[option.env];
    if (value !== undefined && value !== '') options[option.key] = value;
  }
  return { help: values.help === true, options: options as HubOptions };
}

export function helpText(command: string): string {
  const rows = OPTION_DOCS.map((o) => {
    const fallback = defaultOf(o.key);
    return `  --${o.flag.padEnd(22)} ${o.env.padEnd(34)} ${o.help}${fallback ? ` Default: ${fallback}.` : ''}`;
  });
  return [
    `Usage: ${command} [options]`,
    '',
    'Options (flag, environment variable, meaning):',
    ...rows,
    '  --help, -h',
  ].join('\n');
}
