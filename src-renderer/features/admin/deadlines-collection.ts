import { IconCalendarDue, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminDeadline } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import type { Collection } from './collection';
import { timeColumn, pageAndSearch } from './record-columns';
import { LinkCell } from './LinkCell';

/** Every deadline of every course; editing one happens on the course page. */
export const deadlinesCollection: Collection<AdminDeadline> = {
  name: 'deadlines',
  title: 'admin.deadlines.title',
  description: 'admin.deadlines.description',
  icon: IconCalendarDue,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'deadline',
      label: 'admin.column.title',
      render: (d) =>
        createElement(LinkCell, {
          to: `/courses/${d.course.id}`,
          title: d.title,
          detail: `${d.course.code} ${d.course.title}`,
        }),
    },
    timeColumn('due', 'admin.column.due', (d) => d.dueAt),
    timeColumn('created', 'admin.column.created', (d) => d.createdAt, 'md'),
  ],
  actions: [
    {
      name: 'delete',
      label: 'admin.record.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.deadlines.confirmDelete',
      run: (d) => api.call('deleteDeadline', { params: { deadlineId: d.id } }),
    },
  ],
  itemLabel: (d) => d.title,
  itemKey: (d) => d.id,
  load: (query) => api.call('adminDeadlines', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.deadlines.emptyTitle',
  emptyText: 'admin.deadlines.emptyText',
};
