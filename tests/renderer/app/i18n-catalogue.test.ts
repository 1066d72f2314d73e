import { describe, expect, it } from 'vitest';
import { courses } from '../../../src-renderer/app/i18n/en/courses';
import { people } from '../../../src-renderer/app/i18n/en/people';
import { sessions } from '../../../src-renderer/app/i18n/en/sessions';
import { shell } from '../../../src-renderer/app/i18n/en/shell';

describe('the English catalogue', () => {
  it('never defines one key in two area files (the later one would silently win)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, messages] of Object.entries({ shell, people, courses, sessions })) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });
});
