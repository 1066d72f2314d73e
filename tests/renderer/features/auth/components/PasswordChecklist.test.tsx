// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PasswordChecklist } from '../../../../../src-renderer/features/auth/components/PasswordChecklist';
import { renderWithTheme } from '../../../render';

afterEach(cleanup);

const person = {
  username: 'emma1',
  email: 'emma@school.test',
  firstName: 'Emma',
  lastName: 'Stone',
};
const item = (rule: string) => document.querySelector(`[data-rule="${rule}"]`)!;

describe('PasswordChecklist', () => {
  it('lists every rule, each with its state in words for screen readers', () => {
    renderWithTheme(<PasswordChecklist password="123" context={person} />);
    expect(screen.getByText('At least 8 characters')).toBeTruthy();
    expect(item('length').textContent).toContain('(not yet)');
    expect(item('numeric').textContent).toContain('(not yet)');
    expect(item('similar').textContent).toContain('(done)');
    expect(item('common').textContent).toContain('Not a common password (checked when you submit)');
  });

  it('names the field the password is too close to, in the sentence’s own words', () => {
    renderWithTheme(<PasswordChecklist password="stone2026" context={person} />);
    expect(item('similar').textContent).toContain('Too similar to your last name');
    expect(item('similar').getAttribute('data-state')).toBe('unmet');
  });
});
