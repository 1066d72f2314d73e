// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RefusedNotice, RefuseToHome } from '../../../src-renderer/app/refused';
import { renderAt } from '../render';

afterEach(cleanup);

const routes = [
  { path: '/students', element: <RefuseToHome page="students" /> },
  { path: '/admin', element: <RefuseToHome page="admin" /> },
  { path: '/home', element: <RefusedNotice /> },
];

describe('a page kept for another role', () => {
  it('brings the person to their dashboard and says why', async () => {
    const page = renderAt('/students', routes);
    await waitFor(() => expect(page.router.state.location.pathname).toBe('/home'));
    expect(screen.getByRole('alert').textContent).toBe(
      'The Students page is for teachers: you were brought back to your dashboard.',
    );
  });

  it('names the admin panel for the admin page', async () => {
    renderAt('/admin', routes);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The admin panel/));
  });

  it('says nothing on a dashboard opened directly', () => {
    renderAt('/home', routes);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
