import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../src-renderer/app/guards';

describe('where sign-in sends a person next', () => {
  it('follows paths inside the app', () => {
    expect(safeNext('/profile')).toBe('/profile');
    expect(safeNext('/home?tab=2')).toBe('/home?tab=2');
  });

  it('never leaves the app, and defaults to home', () => {
    expect(safeNext(null)).toBe('/home');
    expect(safeNext('https://evil.example/')).toBe('/home');
    expect(safeNext('//evil.example/')).toBe('/home');
    expect(safeNext('profile')).toBe('/home');
  });
});
