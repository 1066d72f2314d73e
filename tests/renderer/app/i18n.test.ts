// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { format, languages, setLanguage, translate } from '../../../src-renderer/app/i18n';
import { en } from '../../../src-renderer/app/i18n/en';

describe('the i18n module', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Hello, {name}! {missing}', { name: 'Emma' })).toBe('Hello, Emma! {missing}');
  });

  it('picks the plural form for the count', () => {
    const message =
      '{count, plural, =0 {nobody waits} one {# account waits} other {# accounts wait}}';
    expect(format(message, { count: 0 })).toBe('nobody waits');
    expect(format(message, { count: 1 })).toBe('1 account waits');
    expect(format(message, { count: 1200 })).toBe('1,200 accounts wait');
  });

  it('translates keys of the English catalogue', () => {
    expect(translate('approvals.count', { count: 2 })).toBe('2 accounts wait for approval');
    expect(translate('home.greeting.morning', { name: 'Ada' })).toBe('Good morning, Ada');
  });

  it('ships English and sets <html lang> to the language in use', () => {
    expect(languages).toContain('en');
    setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('has no empty messages and no placeholder typos in the English catalogue', () => {
    for (const [key, message] of Object.entries(en)) {
      expect(message.trim(), key).not.toBe('');
      expect(message, key).not.toMatch(/\{\s|\s\}|\{\}/);
    }
  });
});
