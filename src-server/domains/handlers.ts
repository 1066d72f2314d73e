import type { Readable } from 'node:stream';
import type { Api, RouteName, SlotInput, SlotOutput } from '../../src-shared/api';
import type { Authenticated } from './accounts/auth-service';
import type { FileReply } from './file-reply';

/**
 * What a route handler receives and returns. It is plain data both ways: the
 * HTTP layer (http/mount-routes.ts) parses and checks the request before,
 * and writes the response after, so no domain code touches Express.
 */
export interface RouteContext<N extends RouteName> {
  readonly params: SlotOutput<Api[N]['params']>;
  readonly query: SlotOutput<Api[N]['query']>;
  readonly body: SlotOutput<Api[N]['body']>;
  /** Present on every route that is not public. */
  readonly auth: Api[N]['auth'] extends 'public' ? undefined : Authenticated;
  /** The caller's network address, for throttling. */
  readonly address: string;
  /** The hub as the caller reached it (`http://192.168.1.20:4000`), for links inside files. */
  readonly origin: string;
  /**
   * Upload routes: streams the request's one file into `store`'s staging
   * area and checks its type by content; the caller commits or discards it.
   */
  readonly receiveFile: <T extends StagedUpload>(
    store: StagingArea<T>,
    rules: FileRules,
  ) => Promise<ReceivedFile<T>>;
}

/** A file being received, staged before it is kept. */
export interface StagedUpload {
  /** The first bytes, for recognising the type by content. */
  readonly head: Buffer;
  discard(): Promise<void>;
}

export interface StagingArea<T extends StagedUpload> {
  stage(stream: Readable, limitBytes: number): Promise<T>;
}

export interface FileRules {
  /** Which allow-list the detected type must be on (http/file-types.ts). */
  readonly accept: 'material' | 'picture';
  readonly limitBytes: number;
  /** Said to the person whose file was refused: what they may upload. */
  readonly describe: string;
  /** The admin allows scripts and programs (hub setting `allowRunnableUploads`). */
  readonly allowRunnable?: boolean;
}

export interface ReceivedFile<T extends StagedUpload> {
  readonly blob: T;
  /** Detected from the bytes, never taken from the client's claim. */
  readonly contentType: string;
  /** The client's file name: a label only, never a path. */
  readonly fileName: string;
}

/** File routes return what to send; the rest return their JSON body (or nothing for 204). */
type Result<N extends RouteName> = Api[N]['response'] extends 'file'
  ? FileReply
  : SlotInput<Api[N]['response']> extends undefined
    ? void
    : SlotInput<Api[N]['response']>;

export type Handler<N extends RouteName> = (context: RouteContext<N>) => Promise<Result<N>>;

/** One handler per route of the table; the compiler refuses a route without one. */
export type Handlers = { [N in RouteName]: Handler<N> };
export type HandlersFor<K extends RouteName> = { [N in K]: Handler<N> };
