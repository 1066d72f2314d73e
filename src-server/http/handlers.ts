import type { Request, Response } from 'express';
import type { Api, RouteName, SlotInput, SlotOutput } from '../../src-shared/api';
import type { Authenticated } from '../domains/accounts/auth-service';

export interface RouteContext<N extends RouteName> {
  readonly params: SlotOutput<Api[N]['params']>;
  readonly query: SlotOutput<Api[N]['query']>;
  readonly body: SlotOutput<Api[N]['body']>;
  /** Present on every route that is not public. */
  readonly auth: Api[N]['auth'] extends 'public' ? undefined : Authenticated;
  /** The caller's network address, for throttling. */
  readonly address: string;
  readonly req: Request;
  readonly res: Response;
}

/** File routes stream the file themselves and return nothing. */
type Result<N extends RouteName> =
  SlotInput<Api[N]['response']> extends undefined ? void : SlotInput<Api[N]['response']>;

export type Handler<N extends RouteName> = (context: RouteContext<N>) => Promise<Result<N>>;

/** One handler per route of the table; the compiler refuses a route without one. */
export type Handlers = { [N in RouteName]: Handler<N> };
export type HandlersFor<K extends RouteName> = { [N in K]: Handler<N> };
