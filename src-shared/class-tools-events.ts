import type { Ack } from './events';
import type { AttendanceWindow } from './schemas/class-tools/attendance';
import type { ExitTicket } from './schemas/class-tools/exit-tickets';
import type { Poll, PollResultsEvent } from './schemas/class-tools/polls';

/**
 * The live events of polls, attendance and exit tickets. What the whole
 * session may see goes to the session room as one packet per change (the
 * student's view: no results before they are revealed, no one's answers);
 * counts go to the host's devices only, coalesced on the hub, never one
 * packet per student's answer.
 */
export interface ClassToolsServerEvents {
  /** A poll opened, closed or was revealed (results included once revealed). Drafts are never sent. */
  'poll:changed': (poll: Poll) => void;
  /** To the host's devices: the counts as answers come in. */
  'poll:results': (event: PollResultsEvent) => void;
  /** A check-in window opened or closed (counts as the students see them: none). */
  'attendance:changed': (window: AttendanceWindow) => void;
  /** To the host's devices: present / late / absent as check-ins arrive. */
  'attendance:counts': (window: AttendanceWindow) => void;
  /** An exit ticket was asked or closed. */
  'exit-ticket:changed': (ticket: ExitTicket) => void;
  /** To the host's devices: how many answered. */
  'exit-ticket:counts': (event: { sessionId: string; ticketId: string; answered: number }) => void;
}

export interface ClassToolsClientEvents {
  /** The same as `POST /polls/:pollId/answer`, for clients already connected; ack = stored. */
  'poll:answer': (
    request: { pollId: string; responses: unknown },
    ack: (reply: Ack<Poll>) => void,
  ) => void;
}
