import { CorruptDataError } from '../errors';

/**
 * Version 1 (every hub up to this change): `{"version":1,"records":{…}}`,
 * records keyed by id, the whole file rewritten per commit and no journal.
 * Version 2 keeps the records as a list in the same (insertion) order.
 *
 * A v1 file whose records are a list (`"records":[]`, written by hand or by
 * another tool) is read as that list: the v1 hub accepted it, answered
 * writes with success and then lost them, because it stored records as
 * properties of the array, which JSON.stringify does not write.
 */
export function migrateCollectionV1(
  data: Record<string, unknown>,
  file: string,
  collection: string,
): unknown {
  const { records } = data;
  if (typeof records !== 'object' || records === null)
    throw new CorruptDataError(file, 'its records are neither a list nor an object');
  return {
    format: 'classhub-collection',
    version: 2,
    collection,
    generation: 0,
    records: Array.isArray(records) ? records : Object.values(records),
  };
}
