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
      ...Object.fromEntries(
        OPTION_DOCS.flatMap((o): [string, { type: 'string' | 'boolean' }][] =>
          o.boolean
            ? [
                [o.flag, { type: 'boolean' }],
                [`no-${o.flag}`, { type: 'boolean' }],
              ]
            : [[o.flag, { type: 'string' }]],
        ),
      ),
    },
    strict: true,
    allowPositionals: false,
  });
  const options: Record<string, string | boolean> = {};
  const given = values as Record<string, string | boolean | undefined>;
  for (const option of OPTION_DOCS) {
    // Node 20's parseArgs has no negated booleans, so `--no-x` is its own switch that wins.
    const flag = option.boolean && given[`no-${option.flag}`] ? false : given[option.flag];
    const value = flag ?? env[option.env];
    if (value !== undefined && value !== '') options[option.key] = value;
  }
  return { help: values.help === true, options: options as HubOptions };
}

export function helpText(command: string): string {
  const flagOf = (o: (typeof OPTION_DOCS)[number]) =>
    o.boolean ? `${o.flag}, --no-${o.flag}` : o.flag;
  const width = Math.max(22, ...OPTION_DOCS.map((o) => flagOf(o).length));
  const rows = OPTION_DOCS.map((o) => {
    const fallback = defaultOf(o.key);
    return `  --${flagOf(o).padEnd(width)} ${o.env.padEnd(34)} ${o.help}${fallback ? ` Default: ${fallback}.` : ''}`;
  });
  return [
    `Usage: ${command} [options]`,
    '',
    'Options (flag, environment variable, meaning):',
    ...rows,
    '  --help, -h',
  ].join('\n');
}
