import { defaultHubSettings } from '../../../src-shared/schemas/admin';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { hubSettingsRecordSchema } from '../record-schemas';
import type { HubSettingsRecord } from '../records';
import type { SettingsRepository } from '../repositories';

export const settingsCollectionOptions = {
  name: 'settings',
  schema: hubSettingsRecordSchema,
} satisfies CollectionDefinition<HubSettingsRecord>;

/** The hub's settings: one record, "hub", on either engine. */
export class DocumentSettingsRepository implements SettingsRepository {
  constructor(private readonly settings: DocumentCollection<HubSettingsRecord>) {}

  async get(): Promise<HubSettingsRecord> {
    return withDefaults(await this.settings.get('hub'));
  }

  async update(patch: Partial<Omit<HubSettingsRecord, 'id'>>): Promise<HubSettingsRecord> {
    // One atomic step: two admins saving different settings at once keep both changes.
    return this.settings.upsert('hub', (current) => ({
      ...withDefaults(current),
      ...patch,
      id: 'hub',
    }));
  }
}

/** Defaults first: a hub stored before a setting existed gets its default. */
function withDefaults(stored: HubSettingsRecord | undefined): HubSettingsRecord {
  return { ...defaultHubSettings, ...stored, id: 'hub' };
}
