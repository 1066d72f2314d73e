import { describe, expect, it } from 'vitest';
import { responseChecksWanted } from '../../../src-server/http/response-checks';

describe('response-schema checks', () => {
  it('run in development and in tests', () => {
    expect(responseChecksWanted({ NODE_ENV: 'development' })).toBe(true);
    expect(responseChecksWanted({ NODE_ENV: 'test' })).toBe(true);
  });

  it('do not run for real users: the built hub and the desktop app’s hosted hub', () => {
    expect(responseChecksWanted({ NODE_ENV: 'production' })).toBe(false);
    expect(responseChecksWanted({})).toBe(false);
  });
});
