import { IconCheck, IconUserCheck, IconX } from '@tabler/icons-react';
import { createElement } from 'react';
import type { Account } from '../../../src-shared/schemas/accounts';
import { api } from '../../app/hub-client';
import { PersonCell, roleCell } from './cells';
import type { Collection } from './collection';

/** Accounts waiting for approval (the admin sees all; teachers have the card on their home page). */
export const pendingCollection: Collection<Account> = {
  name: 'pending',
  title: 'admin.pending.title',
  description: 'admin.pending.description',
  icon: IconUserCheck,
  searchable: false,
  filters: [],
  columns: [
    {
      name: 'person',
      label: 'admin.column.person',
      render: (a) => createElement(PersonCell, { account: a }),
    },
    { name: 'email', label: 'field.email', render: (a) => a.email, visibleFrom: 'sm' },
    { name: 'role', label: 'admin.column.role', render: roleCell, visibleFrom: 'sm' },
  ],
  actions: [
    {
      name: 'approve',
      label: 'approvals.approve',
      icon: IconCheck,
      primary: true,
      run: (a) => api.call('approveAccount', { params: { userId: a.id } }),
    },
    {
      name: 'reject',
      label: 'approvals.reject',
      icon: IconX,
      primary: true,
      color: 'gray',
      run: (a) => api.call('rejectAccount', { params: { userId: a.id } }),
    },
  ],
  itemLabel: (a) => `${a.firstName} ${a.lastName}`,
  itemKey: (a) => a.id,
  load: ({ page, pageSize }) => api.call('pendingAccounts', { query: { page, pageSize } }),
  emptyTitle: 'approvals.emptyTitle',
  emptyText: 'approvals.emptyText',
};
