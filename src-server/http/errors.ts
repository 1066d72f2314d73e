import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import { errorStatus, type ErrorBody, type FieldIssue } from '../../src-shared/errors';
import { DomainError } from '../domain-error';
import type { Logger } from '../logger';
import { BlobTooLarge } from '../storage/blobs/blob-store';
import { StorageFullError, UniqueViolation } from '../storage/errors';

/** Disk trouble: the change is not known to be stored, and retrying later may work. */
const STORAGE_CODES = new Set(['EIO', 'EROFS', 'EMFILE', 'ENFILE']);
/** A full disk (or quota): said plainly, because only freeing space helps. */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'STORAGE_FULL']);

export function validationError(
  error: z.ZodError,
  where: 'body' | 'query' | 'params',
): DomainError {
  const fields: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || where,
    message: issue.message,
  }));
  const first = fields[0];
  const lead =
    where === 'body'
      ? 'Check the form'
      : where === 'query'
        ? 'Check the query parameters'
        : 'Check the address';
  return new DomainError(
    'VALIDATION_FAILED',
    first ? `${lead}: ${first.path} — ${first.message}` : `${lead}.`,
    { fields },
  );
}

/** Turns anything thrown into the error body and status; nothing a client sends can produce a 500. */
export function toErrorResponse(
  error: unknown,
  logger: Logger,
): { status: number; body: ErrorBody } {
  const domain = toDomainError(error);
  if (domain) {
    const body: ErrorBody = {
      error: {
        code: domain.code,
        message: domain.message,
        ...(domain.details ? { details: domain.details } : {}),
      },
    };
    return { status: errorStatus[domain.code], body };
  }
  logger.error({ err: error }, 'unexpected error');
  return {
    status: 500,
    body: {
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on the hub. It was logged; try again.',
      },
    },
  };
}

function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof UniqueViolation)
    return new DomainError('CONFLICT', `That ${error.key} is already in use.`);
  if (error instanceof BlobTooLarge) {
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      `The file is too large: the limit is ${formatBytes(error.limitBytes)}.`,
    );
  }
  if (error instanceof URIError)
    return new DomainError('BAD_REQUEST', 'The address contains an invalid escape sequence.');
  const e = error as {
    type?: string;
    status?: number;
    code?: string;
    message?: string;
    limit?: number;
  };
  if (error instanceof StorageFullError || (e?.code && DISK_FULL_CODES.has(e.code))) {
    return new DomainError(
      'STORAGE_FULL',
      "The hub's disk is full, so this was not saved. Reading and signing in still work; " +
        'ask the person running the hub to free some space, then try again.',
    );
  }
  if (e?.code && STORAGE_CODES.has(e.code)) {
    return new DomainError(
      'STORAGE_UNAVAILABLE',
      'The hub could not save this change (its disk is failing or unavailable). Try again later.',
    );
  }
  switch (e?.type) {
    case 'entity.parse.failed':
      return new DomainError('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new DomainError(
        'PAYLOAD_TOO_LARGE',
        `The request body is too large (limit ${formatBytes(e.limit ?? 0)}).`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.');
    case 'request.aborted':
      return new DomainError('BAD_REQUEST', 'The request was cut off before it finished.');
  }
  if (e?.status === 404 && e.code === 'ENOENT')
    return new DomainError('NOT_FOUND', "The file is missing from the hub's storage.");
  if (e?.status === 416)
    return new DomainError(
      'RANGE_NOT_SATISFIABLE',
      'The requested byte range is outside the file.',
    );
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new DomainError('BAD_REQUEST', e.message ?? 'Bad request.');
  }
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const { status, body } = toErrorResponse(error, logger);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const retry = body.error.details?.retryAfterSeconds;
    if (retry) res.setHeader('Retry-After', String(retry));
    res.status(status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(
    new DomainError(
      'NOT_FOUND',
      `There is no ${req.method} ${req.baseUrl}${req.path} in the ClassHub API. See /api/docs.`,
    ),
  );
};
