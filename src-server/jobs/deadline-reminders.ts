import type { UserId } from '../../src-shared/ids';
import type { NotificationService } from '../domains/notifications/notification-service';
import type { Logger } from '../logger';
import type { Storage } from '../storage/repositories';

const HOUR = 3_600_000;
/** Reminders go out this long before a deadline. */
const LEADS = [
  { key: '24h', ms: 24 * HOUR },
  { key: '1h', ms: HOUR },
] as const;

/**
 * "Deadline soon" reminders for students who have not submitted. Each
 * reminder is marked done in storage before it is sent, so a restart never
 * sends one twice; a hub that was off when a reminder fell due sends it on
 * the next pass if the deadline is still ahead.
 */
export function startDeadlineReminders(
  storage: Storage,
  notifications: NotificationService,
  logger: Logger,
  now: () => Date,
  everyMs = 60_000,
) {
  let running: Promise<number> | undefined;

  async function pass(): Promise<number> {
    // One node sends; the done-marks would stop a second copy anyway, this saves the work.
    if (!(await storage.coordination.leads('deadline-reminders'))) return 0;
    const at = now().getTime();
    let sent = 0;
    for (const course of await storage.courses.all()) {
      if (course.archived) continue;
      for (const deadline of await storage.deadlines.listForCourse(course.id)) {
        const due = new Date(deadline.dueAt).getTime();
        // Only the nearest lead that has fallen due: a 1-hour reminder makes the 24-hour one moot.
        const lead = LEADS.filter((l) => at >= due - l.ms && at < due).at(-1);
        if (!lead || !(await storage.doneMarks.mark(`reminder:${deadline.id}:${lead.key}`)))
          continue;
        const submitted = new Set(
          (await storage.submissions.listForDeadline(deadline.id)).map(
            (s) => s.studentId as string,
          ),
        );
        const students = (await storage.enrolments.listForCourse(course.id))
          .filter((e) => e.status === 'active' && !submitted.has(e.userId))
          .map((e) => e.userId as UserId);
        await notifications.notify(students, undefined, {
          type: 'deadline-soon',
          params: {
            courseCode: course.code,
            courseTitle: course.title,
            deadlineTitle: deadline.title,
            dueAt: deadline.dueAt,
            lead: lead.key,
          },
          target: { kind: 'deadline', courseId: course.id, deadlineId: deadline.id },
        });
        sent += students.length;
      }
    }
    return sent;
  }

  const runOnce = (): Promise<number> =>
    (running ??= pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'deadline reminders failed; they will run again');
        return 0;
      })
      .finally(() => (running = undefined)));

  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
