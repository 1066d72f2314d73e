// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FailedSignInsNotice } from '../../../../../src-renderer/features/auth/components/FailedSignInsNotice';
import { failedSignInsStore } from '../../../../../src-renderer/features/auth/failed-sign-ins-store';
import { renderWithTheme } from '../../../render';

afterEach(() => {
  cleanup();
  failedSignInsStore.reset();
});

describe('FailedSignInsNotice', () => {
  it('says how many wrong passwords were typed and from where, until dismissed', () => {
    failedSignInsStore.set({
      notice: { count: 11, lastAddress: '192.168.1.66', lastAt: '2026-12-04T08:59:00.000Z' },
    });
    renderWithTheme(<FailedSignInsNotice />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('11 failed sign-in attempts since your last sign-in');
    expect(alert.textContent).toContain('the last from 192.168.1.66');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing after a sign-in nobody guessed at', () => {
    renderWithTheme(<FailedSignInsNotice />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
