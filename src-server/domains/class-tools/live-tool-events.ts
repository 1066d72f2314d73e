import type { UserId } from '../../../src-shared/ids';
import type {
  AttendanceWindowRecord,
  CheckInRecord,
  ExitTicketRecord,
  PollRecord,
} from '../../storage/records-class-tools';

/** What the classroom live tools publish; realtime/class-tools-delivery.ts turns them into packets. */
export interface LiveToolEvents {
  /** Opened, closed or revealed (never a draft: students do not hear of drafts). */
  'poll.changed': { poll: PollRecord; actorId: UserId };
  /** A student answered; the host's counts are due (coalesced on delivery). */
  'poll.answered': { poll: PollRecord; userId: UserId };
  'attendance.changed': { window: AttendanceWindowRecord; actorId: UserId };
  'attendance.checked-in': { window: AttendanceWindowRecord; checkIn: CheckInRecord };
  'exit-ticket.changed': { ticket: ExitTicketRecord; actorId: UserId };
  'exit-ticket.answered': { ticket: ExitTicketRecord; userId: UserId };
}
