// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localShellRoutes } from '../../../../src-renderer/features/desktop/desktop-routes';
import { localShellRedirect } from '../../../../src-renderer/features/desktop/local-shell';
import { installBridgeDouble } from '../../../support/bridge-double';
import { renderAt } from '../../render';

// happy-dom cannot load a custom protocol: pretend the page came from classhub-app://local.
vi.mock('../../../../src-renderer/desktop', async (original) => ({
  ...(await original<typeof import('../../../../src-renderer/desktop')>()),
  isLocalShell: () => true,
}));

describe('which pages the local shell (classhub-app://local) serves', () => {
  it('keeps the start screen and the offline library', () => {
    expect(localShellRedirect('/start')).toBeUndefined();
    expect(localShellRedirect('/library')).toBeUndefined();
    expect(localShellRedirect('/library/')).toBeUndefined();
  });

  it('sends everything that needs a hub to the start screen', () => {
    for (const path of ['/', '/home', '/sign-in', '/courses/c1', '/admin', '/start/x'])
      expect(localShellRedirect(path)).toBe('/start');
  });
});

describe('the local shell routes', () => {
  const fetchSpy = vi.fn();
  beforeEach(() => {
    sessionStorage.clear();
    installBridgeDouble();
    vi.stubGlobal('fetch', fetchSpy);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    delete window.classhub;
  });

  it('opens a hub page on the start screen, with no sign-in and no call to a hub', async () => {
    const { router } = renderAt('/courses/c1', localShellRoutes);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to ClassHub' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/start');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('shows the offline library at /library', async () => {
    renderAt('/library', localShellRoutes);
    expect(await screen.findByRole('heading', { level: 1, name: 'Offline library' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Back to start' })).toBeTruthy();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
