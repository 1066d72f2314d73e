import { useCallback } from 'react';
import { createStore } from '../createStore';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

/**
 * The one i18n module: every user-visible string goes through t(). A
 * translation is one file (`fr.ts`: `export const fr: Catalog = { … }`) added
 * to `catalogs`; the compiler lists every key it is missing.
 *
 * Messages use `{name}` placeholders and one ICU-like plural form:
 * `{count, plural, one {# course} other {# courses}}`.
 */
export type Catalog = Readonly<Record<MessageKey, string>>;

const catalogs = { en } satisfies Record<string, Catalog>;
export type Language = keyof typeof catalogs;
export const languages = Object.keys(catalogs) as Language[];

export type Values = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: Values) => string;

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && value in catalogs;

/** The first of the browser's preferred languages that we ship, else English. */
function detectLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export const languageStore = createStore<{ language: Language }>(
  { language: detectLanguage() },
  {
    key: 'classhub.language',
    pick: (state) => ({ language: state.language }),
    restore: (saved) => {
      const language = (saved as { language?: unknown } | null)?.language;
      return isLanguage(language) ? { language } : undefined;
    },
  },
);

/** Screen readers and the browser's spell checking follow <html lang>. */
function applyLanguageToDocument(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyLanguageToDocument(languageStore.get().language);
languageStore.subscribe((state) => applyLanguageToDocument(state.language));

export function setLanguage(language: Language): void {
  languageStore.set({ language });
}

export function translate(key: MessageKey, values?: Values, language?: Language): string {
  const lang = language ?? languageStore.get().language;
  const message = (catalogs[lang] as Catalog)[key] ?? en[key] ?? key;
  return values ? format(message, values, lang) : message;
}

/** Shorthand for code outside React (stores, the API layer). */
export const t: Translate = (key, values) => translate(key, values);

/** The translate function of the current language; re-renders when it changes. */
export function useT(): Translate {
  const language = languageStore.use((state) => state.language);
  return useCallback((key, values) => translate(key, values, language), [language]);
}

export function useLanguage(): Language {
  return languageStore.use((state) => state.language);
}

const PLURAL = /\{(\w+), plural,((?:\s*[=\w]+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /([=\w]+)\s*\{([^{}]*)\}/g;

export function format(message: string, values: Values, language: Language = 'en'): string {
  const rules = new Intl.PluralRules(language);
  const withPlurals = message.replace(PLURAL, (_, name: string, body: string) => {
    const count = Number(values[name] ?? 0);
    const cases = new Map<string, string>();
    for (const [, selector, text] of body.matchAll(PLURAL_CASE)) cases.set(selector!, text!);
    const text = cases.get(`=${count}`) ?? cases.get(rules.select(count)) ?? cases.get('other');
    return (text ?? '').replace(/#/g, new Intl.NumberFormat(language).format(count));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
