import type { CourseRecord } from '../../storage/records';

/** What the devices domain tells the bus (merged into DomainEvents). */
export interface DeviceEvents {
  /**
   * Something on this course's device board changed (a student's device came
   * or went, or reported its library). Coalesced: at most one per course per
   * second, whatever a class of 500 does meanwhile.
   */
  'devices.changed': { course: CourseRecord };
}
