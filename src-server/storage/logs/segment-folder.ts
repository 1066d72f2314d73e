import { join } from 'node:path';
import type { Logger } from '../../logger';
import type { FileSystem } from '../file-system';
import { indexName, segmentName } from './segment-format';

/**
 * A log's folder and the tools to reach it, handed as one value to the parts
 * that load, write and read the log so each names its files the same way.
 */
export interface LogFolder {
  readonly directory: string;
  readonly fs: FileSystem;
  readonly logger: Logger;
}

export const segmentFile = (folder: LogFolder, segment: number) =>
  join(folder.directory, segmentName(segment));

export const indexFile = (folder: LogFolder, segment: number) =>
  join(folder.directory, indexName(segment));
