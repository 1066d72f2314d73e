import {
  IconCheck,
  IconCircleCheck,
  IconLock,
  IconSchool,
  IconUserMinus,
} from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminEnrolment } from '../../../src-shared/schemas/admin';
import type { EnrolmentStatus } from '../../../src-shared/schemas/courses';
import { api } from '../../app/hub-client';
import { enrolmentStatusCell, fullName, RecordPersonCell } from './cells';
import type { Collection, CollectionAction } from './collection';
import { timeColumn } from './record-columns';
import { LinkCell } from './LinkCell';

const params = (e: AdminEnrolment) => ({ courseId: e.course.id, userId: e.student.id });

/** A status change through the course's own route, so the student is told as if the teacher did it. */
const setStatus = (
  status: 'active' | 'blocked' | 'completed',
  label: CollectionAction<AdminEnrolment>['label'],
  icon: CollectionAction<AdminEnrolment>['icon'],
): CollectionAction<AdminEnrolment> => ({
  name: `set-${status}`,
  label,
  icon,
  visible: (e) => e.status !== status,
  run: (e) => api.call('setEnrolmentStatus', { params: params(e), body: { status } }),
});

const statuses: readonly EnrolmentStatus[] = ['active', 'blocked', 'completed', 'dropped'];

/** Every student's place in every course: block, complete, reactivate or remove. */
export const enrolmentsCollection: Collection<AdminEnrolment> = {
  name: 'enrolments',
  title: 'admin.enrolments.title',
  description: 'admin.enrolments.description',
  icon: IconSchool,
  searchable: true,
  filters: [
    {
      name: 'status',
      label: 'admin.column.status',
      options: statuses.map((status) => ({ value: status, label: `courses.status.${status}` })),
    },
  ],
  columns: [
    {
      name: 'student',
      label: 'admin.column.student',
      // The course column is hidden on phones: the course code goes under the name there.
      render: (e) =>
        createElement(RecordPersonCell, { person: e.student, phoneContext: e.course.code }),
    },
    {
      name: 'course',
      label: 'admin.column.course',
      render: (e) =>
        createElement(LinkCell, {
          to: `/courses/${e.course.id}`,
          title: e.course.title,
          detail: e.course.code,
        }),
      visibleFrom: 'sm',
    },
    {
      name: 'status',
      label: 'admin.column.status',
      render: (e, t) => enrolmentStatusCell(e.status, t),
    },
    timeColumn('enrolled', 'admin.column.enrolled', (e) => e.enrolledAt, 'md'),
  ],
  actions: [
    setStatus('blocked', 'admin.enrolments.setBlocked', IconLock),
    setStatus('completed', 'admin.enrolments.setCompleted', IconCircleCheck),
    setStatus('active', 'admin.enrolments.setActive', IconCheck),
    {
      name: 'remove',
      label: 'admin.enrolments.remove',
      icon: IconUserMinus,
      color: 'red',
      confirm: 'admin.enrolments.confirmRemove',
      run: (e) => api.call('removeEnrolment', { params: params(e) }),
    },
  ],
  itemLabel: (e) => `${fullName(e.student)} (${e.course.code})`,
  itemKey: (e) => e.id,
  load: ({ q, page, pageSize, filters }) =>
    api.call('adminEnrolments', {
      query: {
        page,
        pageSize,
        ...(q ? { q } : {}),
        ...(filters.status ? { status: filters.status as EnrolmentStatus } : {}),
      },
    }),
  emptyTitle: 'admin.enrolments.emptyTitle',
  emptyText: 'admin.enrolments.emptyText',
};
