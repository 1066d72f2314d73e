import type { ZodType } from 'zod';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import type { ClassToolRecord } from '../../storage/records';

/** The id of one piece of a tool's state: `<sessionId>/<tool>/<key>` (one collection for every tool). */
export const toolRecordId = (sessionId: SessionId, tool: string, key: string) =>
  `${sessionId}/${tool}/${key}`;

/**
 * A tool's stored state, checked against the tool's own schema: the
 * collection checks only the envelope, so a shape the code no longer
 * understands fails here loudly instead of showing nonsense.
 */
export function stateOf<S>(schema: ZodType<S>, record: ClassToolRecord): S {
  const parsed = schema.safeParse(record.state);
  if (!parsed.success)
    throw new Error(
      `class-tools record ${record.id} does not fit its tool: ${parsed.error.message}`,
    );
  return parsed.data;
}

export function toolRecord(
  sessionId: SessionId,
  tool: string,
  key: string,
  state: Record<string, unknown>,
  now: Date,
): ClassToolRecord {
  return {
    id: toolRecordId(sessionId, tool, key),
    sessionId,
    tool,
    state,
    updatedAt: now.toISOString(),
  };
}
