import type { z } from 'zod';
import type { Ack } from '../../src-shared/events';
import { toErrorResponse, validationError } from '../http/errors';
import type { Logger } from '../logger';

/**
 * Runs a socket request and answers its ack with `{ ok, data }` or
 * `{ ok: false, error }`. A failing request never throws out of the handler
 * (its promise never rejects), so it cannot disconnect the socket, disturb
 * anyone else or stop the hub; unexpected errors are logged by toErrorResponse.
 */
export function responder(logger: Logger) {
  return async function respond<T>(ack: unknown, work: () => Promise<T>): Promise<void> {
    const reply = typeof ack === 'function' ? (ack as (reply: Ack<T>) => void) : undefined;
    let answer: Ack<T>;
    try {
      answer = { ok: true, data: await work() };
    } catch (error) {
      answer = { ok: false, error: toErrorResponse(error, logger).body.error };
    }
    try {
      reply?.(answer);
    } catch (error) {
      logger.error({ err: error }, 'could not answer a socket request');
    }
  };
}

/** Socket payloads are validated like REST bodies, with the same field messages. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}
