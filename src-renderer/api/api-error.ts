import { errorBodySchema, type ErrorCode, type FieldIssue } from '../../src-shared/errors';

/**
 * What can go wrong on a call: every code the hub answers with, plus two
 * that only a client sees — the hub could not be reached, or it answered
 * something that does not match the contract (a hub of another version).
 */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED_RESPONSE';

/** The one error type the REST and socket clients throw. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Field messages by field name (`email`, `password`), ready for a form. */
  readonly fields: Readonly<Record<string, string>>;
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  readonly fieldIssues: readonly FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options: {
      status?: number;
      fieldIssues?: readonly FieldIssue[];
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status ?? 0;
    this.fieldIssues = options.fieldIssues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fields = fieldMessages(this.fieldIssues);
  }

  /** Worth trying again later: the hub is unreachable, busy or briefly unable to store. */
  get isTransient(): boolean {
    return (
      this.code === 'NETWORK' ||
      this.code === 'TOO_MANY_REQUESTS' ||
      this.code === 'STORAGE_UNAVAILABLE' ||
      this.status >= 500
    );
  }

  /** Builds the error from a non-2xx response; a body that is not our error shape still becomes an ApiError. */
  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const parsed = errorBodySchema.safeParse(body);
    if (!parsed.success) {
      return new ApiError(
        response.status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE',
        `The hub answered ${response.status} ${response.statusText}.`,
        { status: response.status },
      );
    }
    const { code, message, details } = parsed.data.error;
    return new ApiError(code, message, {
      status: response.status,
      ...(details?.fields ? { fieldIssues: details.fields } : {}),
      ...(details?.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: details.retryAfterSeconds }
        : {}),
    });
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The hub names fields by their path in the request ("password", sometimes "body.password"). */
function fieldMessages(issues: readonly FieldIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path.replace(/^body\./, '');
    fields[name] = fields[name] ? `${fields[name]} ${issue.message}` : issue.message;
  }
  return fields;
}
