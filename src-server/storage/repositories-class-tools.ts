import type { SessionId } from '../../src-shared/schemas/sessions';
import type { ClassToolRecord } from './records';

/** The live class tools' state, one collection for all tools, read by (session, tool) through an index. */
export interface ClassToolsRepository {
  get(id: string): Promise<ClassToolRecord | undefined>;
  /** Oldest first (insertion order). */
  listForTool(sessionId: SessionId, tool: string): Promise<ClassToolRecord[]>;
  /** Inserts or replaces. */
  put(record: ClassToolRecord): Promise<ClassToolRecord>;
  /** Changes a record in one step (no other change interleaves); undefined when it does not exist. */
  update(
    id: string,
    change: (current: ClassToolRecord) => ClassToolRecord,
  ): Promise<ClassToolRecord | undefined>;
  delete(id: string): Promise<boolean>;
}
