import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { KnownHub } from '../../src-shared/bridge';
import { writeFileDurably } from '../../src-server/storage/durable-file';

/** Enough for a student who moves between a few classrooms; older ones fall off. */
export const MAX_RECENT_HUBS = 10;

const fileSchema = z.object({
  hubs: z.array(
    z.object({ url: z.string().min(1), name: z.string(), lastUsedAt: z.iso.datetime() }),
  ),
});
type RecentEntry = z.infer<typeof fileSchema>['hubs'][number];

export interface RecentHubs {
  /** Newest first. */
  list(): Promise<KnownHub[]>;
  remember(url: string, name?: string): Promise<KnownHub[]>;
  forget(url: string): Promise<KnownHub[]>;
}

/**
 * Hubs this app connected to, in a small JSON file in the user-data folder.
 * Writes go one at a time (a promise chain) and durably, so two quick
 * connects cannot interleave and a crash leaves the previous list intact.
 * An unreadable file is treated as empty: the list is a convenience.
 */
export function createRecentHubs(options: { file: string; now?: () => Date }): RecentHubs {
  const { file } = options;
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  let cache: RecentEntry[] | undefined;

  async function load(): Promise<RecentEntry[]> {
    if (cache) return cache;
    const text = await readFile(file, 'utf8').catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const result = fileSchema.safeParse(parsed);
    cache = result.success ? result.data.hubs : [];
    return cache;
  }

  const view = (entries: RecentEntry[]): KnownHub[] =>
    entries.map((e) => ({ url: e.url, name: e.name, source: 'recent', lastUsedAt: e.lastUsedAt }));

  function change(edit: (entries: RecentEntry[]) => RecentEntry[]): Promise<KnownHub[]> {
    const next = queue.then(async () => {
      const entries = edit(await load()).slice(0, MAX_RECENT_HUBS);
      await mkdir(dirname(file), { recursive: true });
      await writeFileDurably(file, JSON.stringify({ hubs: entries }, null, 2));
      cache = entries;
      return view(entries);
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    list: async () => {
      await queue;
      return view(await load());
    },
    remember: (url, name) =>
      change((entries) => {
        const previous = entries.find((e) => e.url === url);
        const entry = {
          url,
          name: name ?? previous?.name ?? new URL(url).host,
          lastUsedAt: now().toISOString(),
        };
        return [entry, ...entries.filter((e) => e.url !== url)];
      }),
    forget: (url) => change((entries) => entries.filter((e) => e.url !== url)),
  };
}
