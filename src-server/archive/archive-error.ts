/**
 * An archive refused, or a backup, restore or migration that cannot go on.
 * The message names what is wrong (which file, expected against found) and
 * is shown to the operator as it is, so it must say what to do.
 */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}
