import type { UserId } from '../../../src-shared/ids';
import type { AnnouncementRecord, CourseRecord } from '../../storage/records';

/** What the announcements domain tells the bus, after it is stored (merged into DomainEvents). */
export interface AnnouncementEvents {
  'announcement.created': {
    announcement: AnnouncementRecord;
    course: CourseRecord;
    actorId: UserId;
  };
  'announcement.updated': {
    announcement: AnnouncementRecord;
    course: CourseRecord;
    actorId: UserId;
  };
  'announcement.deleted': {
    announcement: AnnouncementRecord;
    course: CourseRecord;
    actorId: UserId;
  };
}
