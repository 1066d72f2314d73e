/**
 * The PostgreSQL tables of the three histories (audit, chat, notifications):
 * one table of entries and one of stream heads per log. Shared by the
 * migration that creates them and the repository that uses them, so the
 * names cannot drift apart.
 */
export const HISTORY_LOGS = ['audit', 'chat', 'notifications'] as const;
export type HistoryLog = (typeof HISTORY_LOGS)[number];

export interface HistoryTables {
  /** (stream, seq, at, entry), primary key (stream, seq). */
  readonly entries: string;
  /** (stream, last_seq): the newest seq per stream, kept when its entries are pruned. */
  readonly heads: string;
}

export function historyTables(log: HistoryLog): HistoryTables {
  return { entries: `history_${log}`, heads: `history_${log}_heads` };
}
