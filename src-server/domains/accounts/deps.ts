import type { Storage } from '../../storage/repositories';
import type { DomainDeps } from '../deps';
import type { Mailer } from './mailer';
import type { PasswordHasher } from './password-hasher';
import type { Throttles } from './throttle';

/** What the account services need from the hub; createHub builds it once. */
export interface AccountsDeps<R extends keyof Storage = keyof Storage> extends DomainDeps<R> {
  readonly hasher: PasswordHasher;
  readonly mailer: Mailer;
  readonly throttles: Throttles;
  readonly isCommonPassword: (password: string) => boolean;
  /** Base of links in emails, e.g. http://192.168.1.20:4000. */
  readonly publicUrl: () => string;
}
