/**
 * English, the shipped language and the fallback for missing keys. Keys are
 * `screen.thing`; `{name}` is filled in, `{count, plural, …}` picks a form.
 * To translate: copy this file and the en/ folder, translate the values, register it in index.ts.
 */
import { calendar } from './en/calendar';
import { chat } from './en/chat';
import { classTools } from './en/class-tools';
import { classToolsB } from './en/class-tools-b';
import { courses } from './en/courses';
import { desktop } from './en/desktop';
import { devices } from './en/devices';
import { grades } from './en/grades';
import { notificationKinds, notifications } from './en/notifications';
import { people } from './en/people';
import { previews } from './en/previews';
import { sessions } from './en/sessions';
import { shell } from './en/shell';
import { students } from './en/students';
import { teaching } from './en/teaching';

/** One catalogue, kept in a file per area so no file grows past reading. */
export const en = {
  ...shell,
  ...people,
  ...courses,
  ...sessions,
  ...chat,
  ...notifications,
  ...notificationKinds,
  ...students,
  ...desktop,
  ...calendar,
  ...previews,
  ...teaching,
  ...grades,
  ...devices,
  ...classTools,
  ...classToolsB,
} as const;

export type MessageKey = keyof typeof en;
