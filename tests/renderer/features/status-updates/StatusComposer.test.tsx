// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAllStores } from '../../../../src-renderer/app/createStore';
import { authStore } from '../../../../src-renderer/features/auth/auth-store';
import { StatusComposer } from '../../../../src-renderer/features/status-updates/StatusComposer';
import { statusUpdatesStore } from '../../../../src-renderer/features/status-updates/status-updates-store';
import { renderWithTheme } from '../../render';
import type { Account } from '../../../../src-shared/schemas/accounts';
import { ACCOUNT as RAW_ACCOUNT, json, tokenPair } from '../../support';

const ACCOUNT = RAW_ACCOUNT as unknown as Account;

// Mantine's autosize textarea listens for web fonts loading; happy-dom has no document.fonts.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {} },
  });
}

const hub = vi.fn<(url: string, init?: RequestInit) => Response>();
beforeEach(() => {
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(hub(String(input), init)),
  );
  authStore.set({ tokens: tokenPair(1), account: ACCOUNT });
});
afterEach(() => {
  cleanup();
  resetAllStores();
  vi.unstubAllGlobals();
  hub.mockReset();
});

const box = () => screen.getByLabelText('Share a status update') as HTMLTextAreaElement;
const post = () => screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement;

describe('StatusComposer', () => {
  it('counts characters and refuses more than 500', () => {
    renderWithTheme(<StatusComposer />);
    expect(screen.getByText('0 / 500')).toBeTruthy();
    expect(post().disabled).toBe(true);
    fireEvent.change(box(), { target: { value: 'x'.repeat(501) } });
    expect(screen.getByText('501 / 500')).toBeTruthy();
    expect(screen.getByText('A status update can be at most 500 characters.')).toBeTruthy();
    expect(post().disabled).toBe(true);
    expect(hub).not.toHaveBeenCalled();
  });

  it('posts the trimmed text, clears the box and puts the update first in its author’s list', async () => {
    statusUpdatesStore.set({ username: ACCOUNT.username, items: [], total: 0, status: 'ready' });
    const update = {
      id: 'su1',
      author: {
        id: ACCOUNT.id,
        username: ACCOUNT.username,
        firstName: ACCOUNT.firstName,
        lastName: ACCOUNT.lastName,
        role: ACCOUNT.role,
        isAdmin: ACCOUNT.isAdmin,
        avatarUrl: ACCOUNT.avatarUrl,
      },
      text: 'Hello class',
      createdAt: '2026-11-24T10:00:00.000Z',
    };
    hub.mockReturnValue(json(201, update));
    renderWithTheme(<StatusComposer />);
    fireEvent.change(box(), { target: { value: '  Hello class  ' } });
    fireEvent.click(post());
    await waitFor(() => expect(box().value).toBe(''));
    expect(JSON.parse(String(hub.mock.calls[0]![1]!.body))).toEqual({ text: 'Hello class' });
    expect(statusUpdatesStore.get().items.map((u) => u.text as string)).toEqual(['Hello class']);
  });
});
