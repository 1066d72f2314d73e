import { IconMessageCircle, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminComment } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { fullName } from './cells';
import type { Collection } from './collection';
import { personColumn, timeColumn, pageAndSearch } from './record-columns';
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
    personColumn('author', 'admin.column.author', (c) => c.author, 'sm'),
    timeColumn('created', 'admin.column.created', (c) => c.createdAt, 'md'),
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
  load: (query) => api.call('adminComments', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.comments.emptyTitle',
  emptyText: 'admin.comments.emptyText',
};
