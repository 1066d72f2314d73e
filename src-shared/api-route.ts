import type { z } from 'zod';

/**
 * Who may call a route at all. Finer rules (a teacher approves only students,
 * an author edits only their own post) live in the services.
 */
export type RouteAuth = 'public' | 'user' | 'approver' | 'admin';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** Express-style path under /api, e.g. `/users/:username`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly auth: RouteAuth;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The request is multipart/form-data with one file in this field. */
  readonly upload?: { readonly field: string; readonly accept: readonly string[] };
  /** JSON response body; `file` for a download; absent for 204. */
  readonly response?: R | 'file';
  readonly successStatus?: 200 | 201 | 202 | 204;
  /** A call without credentials is answered by this public route of the table instead. */
  readonly signedOutRoute?: string;
}

export function route<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodNever,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

/** Turns `/users/:username` into `/api/users/emma1`. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return (
    '/api' +
    path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`Missing path parameter ${name}`);
      return encodeURIComponent(value);
    })
  );
}

/** The zod schema in a RouteDef slot, or never when the route has none. */
type SchemaIn<T> = Exclude<T, undefined | 'file'>;
/** What a slot carries after validation (undefined when the route has no such schema). */
export type SlotOutput<T> = [SchemaIn<T>] extends [never]
  ? undefined
  : SchemaIn<T> extends z.ZodNever
    ? undefined
    : SchemaIn<T> extends z.ZodType
      ? z.output<SchemaIn<T>>
      : undefined;
/** What a client sends in a slot. */
export type SlotInput<T> = [SchemaIn<T>] extends [never]
  ? undefined
  : SchemaIn<T> extends z.ZodNever
    ? undefined
    : SchemaIn<T> extends z.ZodType
      ? z.input<SchemaIn<T>>
      : undefined;
