import type { HubConfig } from '../config';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { Storage } from '../storage/repositories';

/** What every domain service gets from the hub. */
export interface DomainDeps {
  readonly storage: Storage;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly config: HubConfig;
  readonly now: () => Date;
}
