import { IconMessages, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminPost } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { fullName } from './cells';
import type { Collection } from './collection';
import { personColumn, timeColumn, pageAndSearch } from './record-columns';
import { LinkCell } from './LinkCell';

/** Every post in every session; deleting one removes its files and comments (PostService). */
export const postsCollection: Collection<AdminPost> = {
  name: 'posts',
  title: 'admin.posts.title',
  description: 'admin.posts.description',
  icon: IconMessages,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'post',
      label: 'admin.column.post',
      render: (p, t) =>
        createElement(LinkCell, {
          to: `/sessions/${p.session.id}`,
          title: p.excerpt || t('admin.posts.noText'),
          detail: `${p.session.title} · ${t('admin.posts.files', { count: p.filesCount })}`,
        }),
    },
    personColumn('author', 'admin.column.author', (p) => p.author, 'sm'),
    timeColumn('created', 'admin.column.created', (p) => p.createdAt, 'md'),
  ],
  actions: [
    {
      name: 'delete',
      label: 'admin.record.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.posts.confirmDelete',
      run: (p) => api.call('deletePost', { params: { postId: p.id } }),
    },
  ],
  itemLabel: (p) => fullName(p.author),
  itemKey: (p) => p.id,
  load: (query) => api.call('adminPosts', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.posts.emptyTitle',
  emptyText: 'admin.posts.emptyText',
};
