import { join } from 'node:path';
import { writeFileDurably } from '../durable-file';
import { recoverSegment } from './recover-segment';
import { indexFile, segmentFile, type LogFolder } from './segment-folder';
import { SEGMENT_PATTERN } from './segment-format';
import { SegmentIndex } from './segment-index';

/*
 * What opening a log reads from its folder. Start-up must not grow with
 * history, so sealed segments are known by their saved index files; a
 * segment is parsed only when its index is missing, damaged or incomplete.
 */

/** The segment numbers in the folder, oldest first, after clearing index files left by pruning. */
export async function listSegments(folder: LogFolder): Promise<number[]> {
  await folder.fs.mkdir(folder.directory);
  const names = await folder.fs.readdir(folder.directory);
  const segments = names
    .filter((name) => SEGMENT_PATTERN.test(name))
    .map((name) => Number.parseInt(name, 10))
    .sort((a, b) => a - b);
  await removeOrphanIndexes(folder, names, new Set(segments));
  return segments;
}

/**
 * A sealed segment's index: its saved file, completed from the segment when
 * it is only a checkpoint (the hub stopped before saving the final one), or
 * rebuilt from the whole segment when missing or damaged — then saved.
 */
export async function loadSealedIndex(folder: LogFolder, segment: number): Promise<SegmentIndex> {
  const { fs, logger } = folder;
  const file = segmentFile(folder, segment);
  const saved = await loadSavedIndex(folder, segment, false);
  if (saved && saved.size === (await fs.stat(file)).size) return saved;
  const { index } = await recoverSegment(file, logger, fs, saved);
  const target = indexFile(folder, segment);
  await writeFileDurably(target, index.encode(), fs).catch((error: unknown) =>
    logger.warn({ err: error, indexFile: target }, 'could not save a rebuilt log index'),
  );
  return index;
}

/**
 * The index saved for a segment if it can be trusted (it may cover only the
 * segment's beginning); otherwise undefined, saying why in the log. The open
 * segment often has none yet, which is not worth a log line.
 */
export async function loadSavedIndex(
  folder: LogFolder,
  segment: number,
  open: boolean,
): Promise<SegmentIndex | undefined> {
  const file = segmentFile(folder, segment);
  const savedFile = indexFile(folder, segment);
  let bytes: Buffer;
  try {
    bytes = await folder.fs.readFile(savedFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!open)
      folder.logger.info({ file, indexFile: savedFile }, 'built the index of a log segment');
    return undefined;
  }
  const decoded = SegmentIndex.decode(bytes);
  const { size } = await folder.fs.stat(file);
  const reason =
    typeof decoded === 'string'
      ? decoded
      : decoded.size > size
        ? `segment is ${size} bytes, index covers ${decoded.size}`
        : undefined;
  if (reason === undefined) return decoded as SegmentIndex;
  folder.logger.warn(
    { file, indexFile: savedFile, reason },
    'a log segment index is damaged; rebuilding it from its segment',
  );
  return undefined;
}

/** Index files whose segment was pruned (the hub stopped between the two unlinks). */
async function removeOrphanIndexes(
  folder: LogFolder,
  names: string[],
  segments: Set<number>,
): Promise<void> {
  for (const name of names.filter((n) => n.endsWith('.idx'))) {
    if (!segments.has(Number.parseInt(name, 10)))
      await folder.fs.unlink(join(folder.directory, name)).catch(() => undefined);
  }
}
