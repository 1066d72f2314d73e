import { IconMessages, IconPresentation, IconTrash } from '@tabler/icons-react';
import { createElement } from 'react';
import type { Session } from '../../../src-shared/schemas/sessions';
import { api } from '../../app/hub-client';
import type { Collection } from './collection';
import { LinkCell } from './LinkCell';

const hostName = (s: Session) => `${s.host.firstName} ${s.host.lastName}`;

/**
 * Every session on the hub. Posts, comments and members are moderated on the
 * session's own page, which an admin may open and where they may delete
 * anything (FEATURES.md §3) — the title links there.
 */
export const sessionsCollection: Collection<Session> = {
  name: 'sessions',
  title: 'admin.sessions.title',
  description: 'admin.sessions.description',
  icon: IconPresentation,
  searchable: true,
  filters: [],
  columns: [
    {
      name: 'session',
      label: 'admin.column.session',
      render: (s, t) =>
        createElement(LinkCell, {
          to: `/sessions/${s.id}`,
          title: s.title,
          detail: t('admin.sessions.hostedBy', { name: hostName(s) }),
        }),
    },
    {
      name: 'course',
      label: 'admin.column.course',
      render: (s, t) => s.course?.code ?? t('admin.sessions.noCourse'),
      visibleFrom: 'md',
    },
    { name: 'members', label: 'admin.column.members', render: (s) => String(s.memberCount) },
    {
      name: 'created',
      label: 'admin.column.created',
      render: (s) => new Date(s.createdAt).toLocaleDateString(),
      visibleFrom: 'sm',
    },
  ],
  actions: [
    {
      name: 'chat',
      label: 'admin.openChat',
      icon: IconMessages,
      to: (s) => `/chat/${encodeURIComponent(`session:${s.id}`)}`,
    },
    {
      name: 'delete',
      label: 'admin.sessions.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.sessions.confirmDelete',
      run: (s) => api.call('deleteSession', { params: { sessionId: s.id } }),
    },
  ],
  itemLabel: (s) => s.title,
  itemKey: (s) => s.id,
  load: ({ q, page, pageSize }) =>
    api.call('sessions', { query: { scope: 'all', page, pageSize, ...(q ? { q } : {}) } }),
  emptyTitle: 'admin.sessions.emptyTitle',
  emptyText: 'admin.sessions.emptyText',
};
