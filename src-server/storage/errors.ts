/** A unique key (username, email, …) is already taken; `key` names which. */
export class UniqueViolation extends Error {
  constructor(
    readonly collection: string,
    readonly key: string,
  ) {
    super(`${collection}: ${key} already exists`);
    this.name = 'UniqueViolation';
  }
}

/** A data file that the hub's own write protocol cannot have produced. */
export class CorruptDataError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `${file} cannot be read (${reason}). ClassHub never leaves a file like this; ` +
        'restore it from a backup, or move it away to start that collection empty.',
    );
    this.name = 'CorruptDataError';
  }
}

/**
 * The disk holding the data folder is full: the change was not stored, and
 * nothing in memory pretends it was. Reads and sign-ins keep working (they
 * use the reserved space, see disk-space.ts); writes work again by themselves
 * once space is freed.
 */
export class StorageFullError extends Error {
  readonly code = 'STORAGE_FULL';
  constructor() {
    super('the disk holding the data folder is full');
    this.name = 'StorageFullError';
  }
}

/**
 * Text PostgreSQL cannot hold: a NUL character (\u0000) in a string, which
 * jsonb refuses. Nothing was stored; the person can remove the character.
 */
export class UnstorableTextError extends Error {
  constructor(readonly collection: string) {
    super(
      `${collection}: the text contains a NUL character (\\u0000), which the database cannot store`,
    );
    this.name = 'UnstorableTextError';
  }
}
