import { z, type ZodType } from 'zod';
import { CorruptDataError } from '../errors';
import type { RecordCheck } from './collection-files';

/**
 * The check a collection runs on every record it loads: an object with a
 * string id, and, when the collection has a schema, one that fits it. A
 * record that fails stops the hub with the file, the place and the record's
 * id in the message — never a silently empty or half-read collection.
 */
export function recordCheck(schema: ZodType | undefined): RecordCheck {
  return (value, file, where) => {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof value !== 'object' || value === null || typeof id !== 'string' || id === '')
      throw new CorruptDataError(file, `${where} is not a record with an id`);
    const result = schema?.safeParse(value);
    if (result && !result.success)
      throw new CorruptDataError(
        file,
        `${where}, record "${id}", does not fit its schema: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`,
      );
    return value as { id: string };
  };
}
