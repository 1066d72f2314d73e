import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import { errorStatus, type ErrorBody, type FieldIssue } from '../../src-shared/errors';
import { DomainError } from '../domain-error';
import type { Logger } from '../logger';
import { formatBytes, storageFailure } from '../domains/storage-failures';

export function validationError(
  error: z.ZodError,
  where: 'body' | 'query' | 'params',
): DomainError {
  const fields: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || where,
    message: plainMessage(issue),
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

/**
 * zod's own wording ("Invalid input: expected number, received undefined")
 * means nothing to a person filling in a form: a missing field and a choice
 * outside the list get a sentence naming the field. Messages the schemas
 * wrote themselves pass through untouched.
 */
function plainMessage(issue: z.core.$ZodIssue): string {
  const field = fieldLabel(issue.path);
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))
    return `${field} is required.`;
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option'))
    return `${field} must be one of: ${issue.values.map(String).join(', ')}.`;
  return issue.message;
}

/** `["student", "enrolmentDate"]` → "Enrolment date"; the last key names the field. */
function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((key) => typeof key === 'string');
  if (typeof last !== 'string') return 'This value';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
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
  const stored = storageFailure(error);
  if (stored) return stored;
  if (error instanceof URIError)
    return new DomainError('BAD_REQUEST', 'The address contains an invalid escape sequence.');
  const e = error as {
    type?: string;
    status?: number;
    code?: string;
    message?: string;
    limit?: number;
  };
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
