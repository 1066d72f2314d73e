import type { ErrorCode, ErrorDetails } from '../src-shared/errors';

/**
 * The one error a service throws on purpose. The HTTP and socket layers turn
 * it into `{ error: { code, message, details } }` with the code's status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field-level validation failure, shown beside the right form input. */
export function fieldError(
  path: string,
  message: string,
  code: ErrorCode = 'VALIDATION_FAILED',
): DomainError {
  return new DomainError(code, message, { fields: [{ path, message }] });
}
