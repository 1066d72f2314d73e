import { z } from 'zod';
import {
  ARCHIVE_COLLECTIONS,
  ARCHIVE_LOGS,
  type ArchiveCollection,
  type ArchiveLog,
} from '../storage/archive-port';

/**
 * The archive format (docs/decisions.md, Hub archives): a gzip-compressed tar
 *
 *   archive.json                         format, version, hub version, time, source engine
 *   collections/<name>.<part>.ndjson     one record per line
 *   logs/<name>.<part>.ndjson            one log entry per line, oldest first
 *   logs/<name>.heads.<part>.ndjson      each stream's newest seq
 *   blobs/<sha256>                       every blob a record points at
 *   manifest.json                        every file above with its count, bytes and sha256
 *
 * Files are cut into parts of at most PART_BYTES, so the writer never holds
 * more than one part in memory whatever the size of the hub, and the tar
 * header of each part can carry its size before its bytes.
 */
export const ARCHIVE_FORMAT = 'classhub-archive';
export const ARCHIVE_VERSION = 1;
export const HEADER_FILE = 'archive.json';
export const MANIFEST_FILE = 'manifest.json';
export const PART_BYTES = 4 * 1024 * 1024;
/** A part larger than this was not written by ClassHub (and would be read into memory whole). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export type DataKind = 'collection' | 'entries' | 'heads';

const partName = (n: number) => String(n).padStart(4, '0');

export function dataFileName(kind: DataKind, name: string, part: number): string {
  if (kind === 'collection') return `collections/${name}.${partName(part)}.ndjson`;
  if (kind === 'entries') return `logs/${name}.${partName(part)}.ndjson`;
  return `logs/${name}.heads.${partName(part)}.ndjson`;
}

export type ParsedName =
  | { readonly kind: 'collection'; readonly name: ArchiveCollection }
  | { readonly kind: 'entries' | 'heads'; readonly name: ArchiveLog }
  | { readonly kind: 'blob'; readonly id: string }
  | { readonly kind: 'manifest' }
  | { readonly kind: 'unknown' };

/** What a file in an archive holds, judged by its name alone. */
export function parseFileName(file: string): ParsedName {
  if (file === MANIFEST_FILE) return { kind: 'manifest' };
  const blob = /^blobs\/([a-f0-9]{64})$/.exec(file);
  if (blob) return { kind: 'blob', id: blob[1]! };
  const collection = /^collections\/([a-z-]+)\.\d{4}\.ndjson$/.exec(file);
  if (collection && (ARCHIVE_COLLECTIONS as readonly string[]).includes(collection[1]!))
    return { kind: 'collection', name: collection[1] as ArchiveCollection };
  const log = /^logs\/([a-z-]+)(\.heads)?\.\d{4}\.ndjson$/.exec(file);
  if (log && (ARCHIVE_LOGS as readonly string[]).includes(log[1]!))
    return { kind: log[2] ? 'heads' : 'entries', name: log[1] as ArchiveLog };
  return { kind: 'unknown' };
}

const sha256 = z.string().regex(/^[a-f0-9]{64}$/);

export const archiveHeaderSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  hubVersion: z.string(),
  createdAt: z.string(),
  sourceEngine: z.enum(['lowdb', 'postgres']),
});
export type ArchiveHeader = z.infer<typeof archiveHeaderSchema>;

export const manifestFileSchema = z.object({
  name: z.string(),
  /** Lines (records, entries, heads); 1 for a blob. */
  count: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256,
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** Per collection or log: its total and an order-free digest of its content (digest.ts). */
export const contentSummarySchema = z.object({
  count: z.number().int().min(0),
  digest: sha256,
});
export type ContentSummary = z.infer<typeof contentSummarySchema>;

export const manifestSchema = archiveHeaderSchema.extend({
  files: z.array(manifestFileSchema),
  collections: z.record(z.string(), contentSummarySchema),
  logs: z.record(
    z.string(),
    z.object({ entries: contentSummarySchema, heads: contentSummarySchema }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;
