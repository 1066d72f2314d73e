import { defaultHubSettings } from '../../../src-shared/schemas/admin';
import type { HubSettingsRecord } from '../records';
import type { SettingsRepository } from '../repositories';
import type { LowdbCollection } from './collection';
import { hubSettingsRecordSchema } from '../record-schemas';

export const settingsCollectionOptions = { name: 'settings', schema: hubSettingsRecordSchema };

export class LowdbSettingsRepository implements SettingsRepository {
  constructor(private readonly settings: LowdbCollection<HubSettingsRecord>) {}

  async get(): Promise<HubSettingsRecord> {
    // Defaults first: a data folder written before a setting existed gets its default.
    return { ...defaultHubSettings, ...this.settings.get('hub'), id: 'hub' };
  }

  async update(patch: Partial<Omit<HubSettingsRecord, 'id'>>): Promise<HubSettingsRecord> {
    const next: HubSettingsRecord = { ...(await this.get()), ...patch, id: 'hub' };
    if (this.settings.get('hub')) return (await this.settings.update('hub', () => next))!;
    return this.settings.insert(next);
  }
}
