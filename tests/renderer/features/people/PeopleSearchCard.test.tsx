// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../render';

const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call } }));
// Live refreshes are not what this test is about.
vi.mock('../../../../src-renderer/app/use-live', () => ({ useLive: () => undefined }));
const { PeopleSearchCard, PeopleSearchPage } =
  await import('../../../../src-renderer/features/people');

beforeEach(() => {
  call.mockResolvedValue({ items: [], page: 1, pageSize: 12, total: 0 });
});
afterEach(() => {
  cleanup();
  call.mockReset();
});

const dashboard = () =>
  renderAt('/home', [
    { path: '/home', element: <PeopleSearchCard /> },
    { path: '/people', element: <PeopleSearchPage /> },
  ]);
const searched = () =>
  call.mock.calls
    .filter(([route]) => route === 'searchUsers')
    .map(([, options]) => (options as { query: { q?: string } }).query.q);

describe('the dashboard’s people search', () => {
  it('opens the people page searching for what was typed', async () => {
    const page = dashboard();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search people' }), {
      target: { value: '  davis ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(page.router.state.location.pathname).toBe('/people'));
    expect(page.router.state.location.search).toBe('?q=davis');
    const box = screen.getByRole('searchbox', { name: 'Search people' }) as HTMLInputElement;
    expect(box.value).toBe('davis');
    await waitFor(() => expect(searched()).toContain('davis'));
  });

  it('opens the whole list when nothing was typed', async () => {
    const page = dashboard();
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(page.router.state.location.pathname).toBe('/people'));
    expect(page.router.state.location.search).toBe('');
    await waitFor(() => expect(searched()).toEqual([undefined]));
  });
});
