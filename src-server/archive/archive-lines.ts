import { z } from 'zod';
import { ArchiveError } from './archive-error';
import type { DataKind } from './format';

/** The least a line must be to be loaded; each engine checks records against its schemas as it opens them. */
const lineSchemas = {
  collection: z.looseObject({ id: z.string().min(1) }),
  entries: z.object({
    stream: z.string().min(1),
    seq: z.number().int().min(1),
    at: z.string(),
    entry: z.unknown(),
  }),
  heads: z.object({ stream: z.string().min(1), lastSeq: z.number().int().min(0) }),
} satisfies Record<DataKind, z.ZodType>;

/** Splits a part into its lines, each checked; the message names the file and line. */
export function parseLines(kind: DataKind, file: string, body: Buffer): unknown[] {
  const text = body.toString('utf8');
  if (text.length > 0 && !text.endsWith('\n'))
    throw new ArchiveError(`${file} does not end with a whole line: the archive is damaged.`);
  const lines = text.length === 0 ? [] : text.slice(0, -1).split('\n');
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ArchiveError(`${file}, line ${i + 1}, is not JSON: the archive is damaged.`);
    }
    const checked = lineSchemas[kind].safeParse(value);
    if (!checked.success)
      throw new ArchiveError(
        `${file}, line ${i + 1}, is not a ${kind === 'collection' ? 'record' : kind === 'entries' ? 'log entry' : 'stream head'}: ${checked.error.issues[0]?.message ?? 'unexpected shape'}.`,
      );
    return value;
  });
}
