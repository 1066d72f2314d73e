import { authStore } from '../features/auth';
import { chatStore } from '../features/chat';
import { connectChatLive } from '../features/chat';
import { courseStore } from '../features/courses';
import { keepCourseSnapshots, provideCourseChat } from '../features/desktop';
import { reportDeviceToHub, shareCredentialsWithDesktop } from '../features/desktop';
import { connectSessionLive } from '../features/sessions';

/**
 * Everything that keeps the app in step with the hub (and, on the desktop,
 * with main), wired in one place at start-up instead of by importing a
 * module for its side effects. The bell wires its own inbox, since it lives
 * exactly as long as the signed-in frame. Returns the stop function.
 */
export function startLive(): () => void {
  // Desktop app: the teacher's device board hears of this computer's library and outbox.
  const stops = [connectChatLive(), connectSessionLive(), reportDeviceToHub()];
  // Desktop app: the open course (with its recent chat) is kept for offline reading.
  provideCourseChat((courseId) => chatStore.get().conversations[`course:${courseId}`]?.messages);
  keepCourseSnapshots(courseStore);
  // Desktop app: main downloads and replays the outbox with this sign-in's token.
  shareCredentialsWithDesktop(authStore);
  return () => stops.forEach((stop) => stop());
}
