import type { PrivateComment } from '../../../src-shared/schemas/private-comments';
import type { CourseRecord, DeadlineRecord, WorkCommentRecord } from '../../storage/records';

/** What the private-comments domain tells the bus, after it is stored (merged into DomainEvents). */
export interface PrivateCommentEvents {
  'work-comment.created': {
    comment: WorkCommentRecord;
    deadline: DeadlineRecord;
    course: CourseRecord;
    /** The comment as both sides see it live: no email address in it. */
    view: PrivateComment;
  };
}
