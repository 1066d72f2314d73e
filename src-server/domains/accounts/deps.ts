import type { HubConfig } from '../../config';
import type { EventBus } from '../../events/bus';
import type { Logger } from '../../logger';
import type { Storage } from '../../storage/repositories';
import type { Mailer } from './mailer';
import type { PasswordHasher } from './password-hasher';
import type { Throttles } from './throttle';

/** What the account services need from the hub; createHub builds it once. */
export interface AccountsDeps {
  readonly storage: Storage;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly config: HubConfig;
  readonly hasher: PasswordHasher;
  readonly mailer: Mailer;
  readonly throttles: Throttles;
  readonly isCommonPassword: (password: string) => boolean;
  /** Base of links in emails, e.g. http://192.168.1.20:4000. */
  readonly publicUrl: () => string;
  readonly now: () => Date;
}
