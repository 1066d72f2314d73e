import type { ErrorCode } from '../src-shared/errors';

/**
 * What every IPC handler answers: a plain object, because errors thrown in
 * main lose their code on the way through Electron. The preload unwraps it.
 * Kept free of zod and Node so the sandboxed preload bundle stays small.
 */
export type IpcErrorCode = Extract<
  ErrorCode,
  | 'FORBIDDEN'
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'STORAGE_UNAVAILABLE'
  | 'INTERNAL'
>;

/**
 * Codes a service of main may hand to the page with its own message (thrown
 * as an Error with `code` set, e.g. "hub not reachable" as NOT_FOUND). Any
 * other failure reaches the page as INTERNAL, its details only in the log.
 */
export const PAGE_VISIBLE_ERROR_CODES: ReadonlySet<string> = new Set<IpcErrorCode>([
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'STORAGE_UNAVAILABLE',
]);

/** A failure meant for the user: its message is shown by the page. */
export class DesktopError extends Error {
  override readonly name = 'DesktopError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** An IPC failure on the renderer side; `code` tells callers which kind. */
export class IpcCallError extends Error {
  override readonly name = 'IpcCallError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object';
}

/** The data of a successful answer; throws IpcCallError for a failed or malformed one. */
export function unwrapIpcResult(value: unknown): unknown {
  if (!isIpcResult(value))
    throw new IpcCallError('INTERNAL', 'The app answered in an unexpected shape.');
  if (value.ok) return value.data;
  throw new IpcCallError(value.error.code, value.error.message);
}
