import { IconCheck, IconKey, IconPencil, IconTrash, IconUsers } from '@tabler/icons-react';
import { createElement } from 'react';
import type { AccountStatus, Role } from '../../../src-shared/schemas/accounts';
import type { AdminAccount } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { PersonCell, roleCell, statusCell } from './cells';
import type { Collection } from './collection';
import { EditUserDialog } from './EditUserDialog';
import { ResetLinkDialog } from './ResetLinkDialog';

/** Every account: search, filter by role and status, edit, make a reset link, delete. */
export const usersCollection: Collection<AdminAccount> = {
  name: 'users',
  title: 'admin.users.title',
  description: 'admin.users.description',
  icon: IconUsers,
  searchable: true,
  filters: [
    {
      name: 'role',
      label: 'admin.column.role',
      options: [
        { value: 'student', label: 'role.student' },
        { value: 'teacher', label: 'role.teacher' },
      ],
    },
    {
      name: 'status',
      label: 'admin.column.status',
      options: [
        { value: 'active', label: 'admin.status.active' },
        { value: 'pending', label: 'admin.status.pending' },
        { value: 'rejected', label: 'admin.status.rejected' },
      ],
    },
  ],
  columns: [
    {
      name: 'person',
      label: 'admin.column.person',
      render: (a) => createElement(PersonCell, { account: a }),
    },
    { name: 'email', label: 'field.email', render: (a) => a.email, visibleFrom: 'md' },
    { name: 'role', label: 'admin.column.role', render: roleCell, visibleFrom: 'sm' },
    { name: 'status', label: 'admin.column.status', render: statusCell },
  ],
  actions: [
    {
      name: 'approve',
      label: 'approvals.approve',
      icon: IconCheck,
      visible: (a) => a.status === 'pending',
      run: (a) => api.call('approveAccount', { params: { userId: a.id } }),
    },
    { name: 'edit', label: 'admin.action.edit', icon: IconPencil, dialog: EditUserDialog },
    { name: 'reset', label: 'admin.action.resetLink', icon: IconKey, dialog: ResetLinkDialog },
    {
      name: 'delete',
      label: 'admin.action.delete',
      icon: IconTrash,
      color: 'red',
      confirm: 'admin.confirmDelete',
      run: (a) => api.call('adminDeleteUser', { params: { userId: a.id } }),
    },
  ],
  itemLabel: (a) => `${a.firstName} ${a.lastName}`,
  itemKey: (a) => a.id,
  load: ({ q, page, pageSize, filters }) =>
    api.call('adminUsers', {
      query: {
        page,
        pageSize,
        ...(q ? { q } : {}),
        ...(filters.role ? { role: filters.role as Role } : {}),
        ...(filters.status ? { status: filters.status as AccountStatus } : {}),
      },
    }),
  emptyTitle: 'admin.users.emptyTitle',
  emptyText: 'admin.users.emptyText',
};
