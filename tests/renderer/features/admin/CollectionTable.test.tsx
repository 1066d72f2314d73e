// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { IconTrash } from '@tabler/icons-react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../../../src-renderer/features/admin/collection';
import { CollectionTable } from '../../../../src-renderer/features/admin/CollectionTable';
import { renderWithTheme } from '../../render';

// happy-dom lays nothing out, so Mantine's focus trap finds no "visible" element and says so at length.
const warn = console.warn.bind(console);
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('use-focus-trap')) warn(...args);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

interface Thing {
  id: string;
  name: string;
}

function collectionOf(things: Thing[]) {
  const remove = vi.fn(async (thing: Thing) => {
    things.splice(things.indexOf(thing), 1);
  });
  const load = vi.fn(async () => ({
    items: [...things],
    page: 1,
    pageSize: 20,
    total: things.length,
  }));
  const collection: Collection<Thing> = {
    name: 'things',
    title: 'admin.users.title',
    description: 'admin.users.description',
    icon: IconTrash,
    searchable: false,
    filters: [],
    columns: [{ name: 'name', label: 'admin.column.person', render: (thing) => thing.name }],
    actions: [
      {
        name: 'delete',
        label: 'admin.action.delete',
        icon: IconTrash,
        color: 'red',
        confirm: 'admin.confirmDelete',
        run: remove,
      },
    ],
    itemLabel: (thing) => thing.name,
    itemKey: (thing) => thing.id,
    load,
    emptyTitle: 'admin.users.emptyTitle',
    emptyText: 'admin.users.emptyText',
  };
  return { collection, remove, load };
}

describe('CollectionTable', () => {
  it('renders the rows a collection loads', async () => {
    const { collection } = collectionOf([
      { id: '1', name: 'Ada' },
      { id: '2', name: 'Noah' },
    ]);
    renderWithTheme(<CollectionTable collection={collection} />);
    expect(await screen.findByText('Ada')).toBeTruthy();
    expect(screen.getByText('Noah')).toBeTruthy();
    expect(screen.getByText('2 entries')).toBeTruthy();
  });

  it('asks before an action with a confirmation, runs it, and loads the rows again', async () => {
    const { collection, remove, load } = collectionOf([{ id: '1', name: 'Ada' }]);
    renderWithTheme(<CollectionTable collection={collection} />);
    fireEvent.click(await screen.findByRole('button', { name: 'More actions for Ada' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Delete account' }));
    expect(await screen.findByText(/Delete the account of Ada\?/)).toBeTruthy();
    expect(remove).not.toHaveBeenCalled();

    const buttons = screen.getAllByRole('button', { name: 'Delete account' });
    fireEvent.click(buttons[buttons.length - 1]!);
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('No accounts match')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
