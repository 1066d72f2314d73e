import type { Kysely } from 'kysely';
import { createDocumentTable, dropDocumentTable, type DocumentTableKeys } from './document-table';

/** The classroom live tools' and the device board's collections, at this version. */
export const COLLECTIONS_003: Record<string, DocumentTableKeys> = {
  'class-tools': { indexes: ['tool'] },
  polls: { indexes: ['session', 'poll'] },
  attendance: { unique: ['openWindow'], indexes: ['session', 'course', 'window'] },
  'exit-tickets': { unique: ['openTicket'], indexes: ['session', 'ticket'] },
  'device-reports': { indexes: ['user'] },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [collection, keys] of Object.entries(COLLECTIONS_003))
    await createDocumentTable(db, collection, keys);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const collection of Object.keys(COLLECTIONS_003)) await dropDocumentTable(db, collection);
}
