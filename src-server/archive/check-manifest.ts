import { ArchiveError } from './archive-error';
import { manifestSchema, type ArchiveHeader, type Manifest } from './format';
import type { Found } from './read-archive';

/**
 * The last check before a restore is committed: the manifest is the
 * writer's account of every file, and what was read must match it exactly
 * — every file there, none extra, each with its count, size and sha256 —
 * and every blob a record points at must have been in the archive.
 */
export function checkManifest(header: ArchiveHeader, value: unknown, found: Found): Manifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success)
    throw new ArchiveError(
      `manifest.json in the archive is not a ClassHub manifest: ${parsed.error.issues[0]?.message ?? 'unexpected shape'} at ${parsed.error.issues[0]?.path.join('.') ?? '?'}.`,
    );
  const manifest = parsed.data;
  for (const field of ['format', 'version', 'hubVersion', 'createdAt', 'sourceEngine'] as const)
    if (manifest[field] !== header[field])
      throw new ArchiveError(
        `manifest.json says ${field} ${String(manifest[field])}, but archive.json says ${String(header[field])}: the archive was changed.`,
      );
  const listed = new Set<string>();
  for (const expected of manifest.files) {
    listed.add(expected.name);
    const seen = found.files.get(expected.name);
    if (!seen)
      throw new ArchiveError(
        `${expected.name} is listed in manifest.json but missing from the archive.`,
      );
    for (const field of ['count', 'bytes', 'sha256'] as const)
      if (seen[field] !== expected[field])
        throw new ArchiveError(
          `${expected.name} does not match manifest.json: expected ${field} ${expected[field]}, found ${seen[field]}.`,
        );
  }
  for (const name of found.files.keys())
    if (!listed.has(name))
      throw new ArchiveError(`${name} is in the archive but not listed in manifest.json.`);
  checkSummaries(manifest, found);
  for (const id of found.blobsReferenced)
    if (!found.blobsStored.has(id))
      throw new ArchiveError(
        `A record points at the stored file ${id}, but blobs/${id} is not in the archive.`,
      );
  return manifest;
}

function checkSummaries(manifest: Manifest, found: Found): void {
  const expected = new Map<string, { count: number; digest: string }>();
  for (const [name, summary] of Object.entries(manifest.collections))
    expected.set(`collection:${name}`, summary);
  for (const [name, log] of Object.entries(manifest.logs)) {
    expected.set(`entries:${name}`, log.entries);
    expected.set(`heads:${name}`, log.heads);
  }
  for (const [key, summary] of expected) {
    const seen = found.digests.get(key)?.summary() ?? { count: 0, digest: '0'.repeat(64) };
    const what = key.replace(':', ' ');
    if (seen.count !== summary.count)
      throw new ArchiveError(
        `The archive's ${what} holds ${seen.count} lines, manifest.json says ${summary.count}.`,
      );
    if (seen.digest !== summary.digest)
      throw new ArchiveError(`The archive's ${what} does not match the digest in manifest.json.`);
  }
  for (const key of found.digests.keys())
    if (!expected.has(key))
      throw new ArchiveError(
        `The archive holds ${key.replace(':', ' ')}, which manifest.json does not list.`,
      );
}
