import { IconMessageCircle, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminComment } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { RecordPersonCell, dateTime, fullName } from './cells';
import type { Collection } from './collection';
import { LinkCell } from './LinkCell';

/** Every comment on every post, with the session it was written in. */
export const commentsCollection: Collection<AdminComment> = {
  name: 'comments',
  title: 'admin.comments.title',
  description: 'admin.comments.description',
  icon: IconMessageCircle,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'comment',
      label: 'admin.column.comment',
      render: (c) =>
        createElement(LinkCell, {
          to: `/sessions/${c.session.id}`,
          title: c.excerpt,
          detail: c.session.title,
        }),
    },
    {
      name: 'author',
      label: 'admin.column.author',
      render: (c) => createElement(RecordPersonCell, { person: c.author }),
      visibleFrom: 'sm',
    },
    {
      name: 'created',
      label: 'admin.column.created',
      render: (c) => dateTime(c.createdAt),
      visibleFrom: 'md',
    },
  ],
  actions: [
    {
      name: 'delete',
      label: 'admin.record.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.comments.confirmDelete',
      run: (c) => api.call('deleteComment', { params: { commentId: c.id } }),
    },
  ],
  itemLabel: (c) => fullName(c.author),
  itemKey: (c) => c.id,
  load: ({ q, page, pageSize }) =>
    api.call('adminComments', { query: { page, pageSize, ...(q ? { q } : {}) } }),
  emptyTitle: 'admin.comments.emptyTitle',
  emptyText: 'admin.comments.emptyText',
};
