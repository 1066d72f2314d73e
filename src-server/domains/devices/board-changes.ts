import type { UserId } from '../../../src-shared/ids';

/** How long changes gather before one announcement per course. */
export const BOARD_CHANGE_DELAY_MS = 1000;

/**
 * Gathers the people whose devices changed and hands them over in one batch
 * a moment later: a class connecting at 9:00 costs each board one update,
 * not one per student.
 */
export class BoardChanges {
  private readonly pending = new Set<UserId>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly flush: (people: UserId[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = BOARD_CHANGE_DELAY_MS,
  ) {}

  mark(userId: UserId): void {
    this.pending.add(userId);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const people = [...this.pending];
      this.pending.clear();
      this.flush(people).catch(this.onError);
    }, this.delayMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
