/**
 * Progress goes over IPC to the window: one event per chunk would be
 * thousands a second. An event is due every `intervalMs` or every 1 % of the
 * file, whichever comes first.
 */
export function createProgressThrottle(intervalMs: number, now: () => number = Date.now) {
  const last = new Map<string, { at: number; bytes: number }>();
  return {
    due(id: string, receivedBytes: number, size: number): boolean {
      const previous = last.get(id);
      const at = now();
      if (
        previous &&
        at - previous.at < intervalMs &&
        receivedBytes - previous.bytes < Math.max(1, size / 100)
      )
        return false;
      last.set(id, { at, bytes: receivedBytes });
      return true;
    },
    /** A state change was just sent: progress counts from there. */
    forget(id: string): void {
      last.delete(id);
    },
  };
}
