import {
  IconArchive,
  IconArchiveOff,
  IconBooks,
  IconMessages,
  IconTrash,
} from '@tabler/icons-react';
import { createElement } from 'react';
import type { Course } from '../../../src-shared/schemas/courses';
import { api } from '../../app/hub-client';
import type { Collection } from './collection';
import { DeleteCourseDialog } from './DeleteCourseDialog';
import { LinkCell } from './LinkCell';

/**
 * Every course, current or archived. Materials, deadlines, enrolments,
 * submissions and feedback are managed on the course page, which an admin
 * may open with the teacher's rights — the title links there.
 */
export const coursesCollection: Collection<Course> = {
  name: 'courses',
  title: 'admin.courses.title',
  description: 'admin.courses.description',
  icon: IconBooks,
  searchable: true,
  filters: [
    {
      name: 'archived',
      label: 'admin.column.state',
      // The catalogue lists current courses unless asked for the archived ones.
      allLabel: 'admin.courses.current',
      options: [{ value: 'true', label: 'admin.courses.archived' }],
    },
  ],
  columns: [
    {
      name: 'course',
      label: 'admin.column.course',
      render: (c) =>
        // The title is what an admin looks for: shown whole, wrapping on a phone.
        createElement(LinkCell, {
          to: `/courses/${c.id}`,
          title: c.title,
          detail: c.code,
          wrap: true,
        }),
    },
    {
      name: 'teacher',
      label: 'admin.column.teacher',
      render: (c) => `${c.teacher.firstName} ${c.teacher.lastName}`,
      visibleFrom: 'sm',
    },
    {
      name: 'enrolled',
      label: 'admin.column.enrolled',
      render: (c, t) =>
        t('admin.courses.enrolled', { count: c.enrolledCount, capacity: c.capacity }),
    },
  ],
  actions: [
    {
      name: 'chat',
      label: 'admin.openChat',
      icon: IconMessages,
      to: (c) => `/chat/${encodeURIComponent(`course:${c.id}`)}`,
    },
    {
      name: 'archive',
      label: 'admin.courses.archive',
      icon: IconArchive,
      confirm: 'admin.courses.confirmArchive',
      visible: (c) => !c.archived,
      run: (c) =>
        api.call('updateCourse', { params: { courseId: c.id }, body: { archived: true } }),
    },
    {
      name: 'unarchive',
      label: 'admin.courses.unarchive',
      icon: IconArchiveOff,
      visible: (c) => c.archived,
      run: (c) =>
        api.call('updateCourse', { params: { courseId: c.id }, body: { archived: false } }),
    },
    {
      name: 'delete',
      label: 'admin.courses.delete',
      icon: IconTrash,
      color: 'red',
      dialog: DeleteCourseDialog,
    },
  ],
  itemLabel: (c) => `${c.code} ${c.title}`,
  itemKey: (c) => c.id,
  load: ({ q, page, pageSize, filters }) =>
    api.call('courses', {
      query: {
        page,
        pageSize,
        ...(q ? { q } : {}),
        ...(filters.archived ? { archived: filters.archived as 'true' | 'false' } : {}),
      },
    }),
  emptyTitle: 'admin.courses.emptyTitle',
  emptyText: 'admin.courses.emptyText',
};
