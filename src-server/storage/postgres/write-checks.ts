import { z } from 'zod';
import type { CollectionDefinition, StoredRecord } from '../document-collection';
import { UniqueViolation, UnstorableTextError } from '../errors';
import type { KeyColumns } from './key-columns';

/**
 * Records are checked against the collection's schema before every write;
 * reads trust the table, which only such writes and checked restores fill.
 */
export function checkRecord<T extends StoredRecord>(
  definition: CollectionDefinition<T>,
  record: T,
): void {
  const result = definition.schema?.safeParse(record);
  if (result && !result.success)
    throw new Error(
      `${definition.name}: record "${record.id}" does not fit its schema: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`,
    );
}

/** Runs a write, turning PostgreSQL's refusals into the errors services expect of either engine. */
export async function writeTranslatingErrors<R>(
  name: string,
  columns: Pick<KeyColumns<never>, 'keyOfConstraint'>,
  write: () => Promise<R>,
): Promise<R> {
  try {
    return await write();
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    const key = constraint === undefined ? undefined : columns.keyOfConstraint(constraint);
    if (code === '23505' && key !== undefined) throw new UniqueViolation(name, key);
    // jsonb refuses \u0000 in a string (lowdb stores it): a person's input, not a hub fault.
    if (code === '22P05') throw new UnstorableTextError(name);
    throw error;
  }
}
