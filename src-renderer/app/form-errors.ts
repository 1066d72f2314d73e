import { ApiError } from '../api/api-error';

/**
 * Puts the hub's field messages (details.fields) beside the inputs they are
 * about. Returns the error when something is left for a form-level notice:
 * a non-field error, or a field this form does not show.
 */
export function showFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  setFieldError: (field: F, message: string) => void,
): unknown {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return error;
  let unplaced = false;
  for (const [name, message] of Object.entries(error.fields)) {
    if ((fields as readonly string[]).includes(name)) setFieldError(name as F, message);
    else unplaced = true;
  }
  return unplaced ? error : undefined;
}
