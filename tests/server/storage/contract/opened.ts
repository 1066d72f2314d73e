import type { CourseAndSessionRepositories } from '../../../../src-server/storage/repositories/open-repositories';

/** The course, session, teaching and chat-state repositories of one engine, opened on a fresh store. */
export interface OpenedRepositories extends CourseAndSessionRepositories {
  /** Closes and opens the same store again, to check what survived. */
  reopen(): Promise<OpenedRepositories>;
  close(): Promise<void>;
}

/** Runs one contract suite: `engine` names it, `open` gives it a fresh, empty store per test. */
export type Contract = (engine: string, open: () => Promise<OpenedRepositories>) => void;
