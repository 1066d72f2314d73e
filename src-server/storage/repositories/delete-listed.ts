import type { DocumentCollection } from '../document-collection';

/** Deletes every record with `key` in `index` (found by the index, never a scan); returns how many went. */
export async function deleteListed<T extends { id: string }>(
  collection: DocumentCollection<T>,
  index: string,
  key: string,
): Promise<number> {
  const listed = await collection.listByIndex(index, key);
  return collection.deleteMany(listed.map((record) => record.id));
}
