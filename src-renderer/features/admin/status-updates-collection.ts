import { IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AdminStatusUpdate } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { fullName } from './cells';
import type { Collection } from './collection';
import { personColumn, timeColumn, pageAndSearch } from './record-columns';
import { LinkCell } from './LinkCell';

/** Everyone's status updates, each linking to its author's profile, where it is shown. */
export const statusUpdatesCollection: Collection<AdminStatusUpdate> = {
  name: 'status-updates',
  title: 'admin.statusUpdates.title',
  description: 'admin.statusUpdates.description',
  icon: IconSpeakerphone,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'update',
      label: 'admin.column.statusUpdate',
      render: (u) =>
        createElement(LinkCell, {
          to: `/people/${encodeURIComponent(u.author.username)}`,
          title: u.text,
          detail: `@${u.author.username}`,
        }),
    },
    personColumn('author', 'admin.column.author', (u) => u.author, 'sm'),
    timeColumn('created', 'admin.column.created', (u) => u.createdAt, 'md'),
  ],
  actions: [
    {
      name: 'delete',
      label: 'admin.record.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.statusUpdates.confirmDelete',
      run: (u) => api.call('deleteStatusUpdate', { params: { statusUpdateId: u.id } }),
    },
  ],
  itemLabel: (u) => fullName(u.author),
  itemKey: (u) => u.id,
  load: (query) => api.call('adminStatusUpdates', { query: pageAndSearch(query) }),
  emptyTitle: 'admin.statusUpdates.emptyTitle',
  emptyText: 'admin.statusUpdates.emptyText',
};
