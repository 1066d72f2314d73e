import type { HubConfig } from '../config';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { Storage } from '../storage/repositories';

/** The names of the hub's repositories (`users`, `courses`, …). */
export type RepositoryName = Exclude<keyof Storage, 'close'>;

/**
 * What a domain service gets from the hub. `R` names the repositories it
 * uses, so its type says what it touches and it cannot reach the rest;
 * createHub hands it exactly those (`withRepositories`).
 */
export interface DomainDeps<R extends keyof Storage = keyof Storage> {
  readonly storage: Pick<Storage, R>;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly config: HubConfig;
  readonly now: () => Date;
}

/** A copy of `deps` whose storage holds only the named repositories. */
export function withRepositories<D extends DomainDeps, R extends RepositoryName>(
  deps: D,
  ...names: R[]
): Omit<D, 'storage'> & DomainDeps<R> {
  const storage = Object.fromEntries(names.map((name) => [name, deps.storage[name]]));
  return { ...deps, storage: storage as Pick<Storage, R> };
}
