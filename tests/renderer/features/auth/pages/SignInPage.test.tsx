// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAllStores } from '../../../../../src-renderer/app/createStore';
import { authStore } from '../../../../../src-renderer/features/auth/auth-store';
import { SignInPage } from '../../../../../src-renderer/features/auth/pages/SignInPage';
import { renderAt } from '../../../render';
import { ACCOUNT, errorBody, json, tokenPair } from '../../../support';

const hub = vi.fn<(url: string) => Response>();
beforeEach(() => {
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => Promise.resolve(hub(String(input))));
});
afterEach(() => {
  cleanup();
  resetAllStores();
  vi.unstubAllGlobals();
  hub.mockReset();
});

function signInPage() {
  const page = renderAt('/sign-in?next=%2Fprofile', [
    { path: '/sign-in', element: <SignInPage /> },
    { path: '/profile', element: <p>profile page</p> },
    { path: '/waiting-for-approval', element: <p>waiting page</p> },
  ]);
  const username = screen.getByLabelText(/Username or email/) as HTMLInputElement;
  const password = screen.getByLabelText(/^Password/) as HTMLInputElement;
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return { page, username, password, submit };
}

describe('SignInPage', () => {
  it('asks for the missing username on its own field, without calling the hub', async () => {
    const { username, submit } = signInPage();
    submit();
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Enter your username or email address.')).toBeTruthy();
    expect(hub).not.toHaveBeenCalled();
  });

  it('puts a wrong password on the password field', async () => {
    hub.mockReturnValue(json(401, errorBody('INVALID_CREDENTIALS')));
    const { username, password, submit } = signInPage();
    fireEvent.change(username, { target: { value: 'emma1' } });
    fireEvent.change(password, { target: { value: 'nope' } });
    submit();
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const described = password.getAttribute('aria-describedby')!;
    expect(document.getElementById(described)?.textContent).toBe(
      'Username or password is incorrect.',
    );
    expect(username.getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps the tokens and goes where the person was heading', async () => {
    hub.mockReturnValue(json(200, { account: ACCOUNT, tokens: tokenPair(1) }));
    const { page, username, password, submit } = signInPage();
    fireEvent.change(username, { target: { value: 'emma1' } });
    fireEvent.change(password, { target: { value: 'Lantern-Orbit-42' } });
    submit();
    await waitFor(() => expect(page.router.state.location.pathname).toBe('/profile'));
    expect(authStore.get().tokens?.accessToken).toBe('access-1');
    expect(authStore.get().account?.username).toBe('emma1');
  });

  it('sends an account that waits for approval to the waiting page', async () => {
    hub.mockReturnValue(json(403, errorBody('ACCOUNT_PENDING')));
    const { page, username, password, submit } = signInPage();
    fireEvent.change(username, { target: { value: 'emma1' } });
    fireEvent.change(password, { target: { value: 'Lantern-Orbit-42' } });
    submit();
    await waitFor(() => expect(page.router.state.location.pathname).toBe('/waiting-for-approval'));
  });

  it('says why the last sign-in ended', () => {
    authStore.set({ signedOutBecause: 'password-changed' });
    signInPage();
    expect(screen.getByRole('status').textContent).toContain('Your password was changed');
  });
});
