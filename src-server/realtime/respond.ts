import type { z } from 'zod';
import type { Ack } from '../../src-shared/events';
import { toErrorResponse, validationError } from '../http/errors';
import type { Logger } from '../logger';

/**
 * Runs a socket request and answers its ack with `{ ok, data }` or
 * `{ ok: false, error }`. A failing request never throws out of the handler,
 * so it cannot disconnect the socket or disturb anyone else.
 */
export function responder(logger: Logger) {
  return async function respond<T>(ack: unknown, work: () => Promise<T>): Promise<void> {
    const reply = typeof ack === 'function' ? (ack as (reply: Ack<T>) => void) : undefined;
    try {
      const data = await work();
      reply?.({ ok: true, data });
    } catch (error) {
      reply?.({ ok: false, error: toErrorResponse(error, logger).body.error });
    }
  };
}

/** Socket payloads are validated like REST bodies, with the same field messages. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}
