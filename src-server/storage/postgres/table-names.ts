/**
 * How a collection and its keys are named in PostgreSQL, shared by the
 * migrations (which create the tables) and postgres/collection.ts (which
 * queries them). Changing a rule here renames nothing in an existing
 * database: only a new migration can do that.
 */

/** "auth-sessions" → "auth_sessions". */
export function tableOf(collection: string): string {
  return collection.replace(/-/g, '_');
}

/** Column of a unique key: "joinCode" → "u_join_code". */
export function uniqueColumn(key: string): string {
  return `u_${snake(key)}`;
}

/** Column of a secondary index: "activeInCourse" → "i_active_in_course". */
export function indexColumn(key: string): string {
  return `i_${snake(key)}`;
}

/** The index over a key column; a UniqueViolation is recognised by this name. */
export function indexNameOf(table: string, column: string): string {
  return `${table}__${column}`;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
