import { IconStar, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminFeedback } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { FeedbackAuthorCell, FeedbackRatingCell, fullName } from './cells';
import type { Collection } from './collection';
import { pageAndSearch } from './record-columns';
import { LinkCell } from './LinkCell';

/** Every course rating, anonymous authors named for moderation; delete takes one down. */
export const feedbackCollection: Collection<AdminFeedback> = {
  name: 'feedback',
  title: 'admin.feedback.title',
  description: 'admin.feedback.description',
  icon: IconStar,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'author',
      label: 'admin.column.author',
      render: (f) => createElement(FeedbackAuthorCell, { feedback: f }),
    },
    {
      name: 'rating',
      label: 'admin.column.rating',
      render: (f) => createElement(FeedbackRatingCell, { feedback: f }),
    },
    {
      name: 'course',
      label: 'admin.column.course',
      render: (f) =>
        createElement(LinkCell, {
          to: `/courses/${f.course.id}`,
          title: f.course.title,
          detail: f.course.code,
        }),
      visibleFrom: 'md',
    },
  ],
  actions: [
    {
      name: 'delete',
      label: 'admin.record.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.feedback.confirmDelete',
      run: (f) =>
        api.call('adminDeleteFeedback', {
          params: { courseId: f.course.id, userId: f.author.id },
        }),
    },
  ],
  itemLabel: (f) => fullName(f.author),
  itemKey: (f) => `${f.course.id}:${f.author.id}`,
  load: (query) => api.call('adminFeedback', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.feedback.emptyTitle',
  emptyText: 'admin.feedback.emptyText',
};
