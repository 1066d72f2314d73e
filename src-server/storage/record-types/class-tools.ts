import type { SessionId } from '../../../src-shared/schemas/sessions';

/**
 * One piece of a live class tool's state in a session (a raised hand, a
 * question, the chat controls). `state` is the tool's own shape, checked by
 * the tool's domain when read; the id is `<sessionId>/<tool>/<key>`.
 */
export interface ClassToolRecord {
  readonly id: string;
  readonly sessionId: SessionId;
  readonly tool: string;
  readonly state: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}
