// @ts-check
/**
 * ESLint: typescript-eslint's recommended rules everywhere, plus the import
 * rules of DESIGN.md's layer table, enforced per folder with
 * no-restricted-imports. A layer rule names what a folder may NOT import;
 * the messages say what to do instead.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** A pattern that matches an import of one of our source folders, however it is reached. */
const folder = (name) => `(^|/)${name}(/|$)`;

const forbid = {
  anythingButZod: {
    regex: '^(?!zod(/|$)|\\.{1,2}/)',
    message:
      'src-shared is the contract: it may import only zod and other src-shared files (DESIGN.md, layer table).',
  },
  server: {
    regex: folder('src-server'),
    message:
      'Only src-main (to host a hub) may import src-server; move what both sides need to src-shared.',
  },
  renderer: {
    regex: folder('src-renderer'),
    message: 'Nothing imports the renderer; move what both sides need to src-shared.',
  },
  storage: {
    regex: '(^|/)storage(/|$)',
    message:
      'realtime/ and http/ reach data through domain services, never storage/ (DESIGN.md, Real time).',
  },
  http: {
    regex: '(^|/)http(/|$)|^express(/|$)',
    message:
      'Services know nothing of HTTP: return data or a stream descriptor and let routes.ts answer (DESIGN.md, Domains and services).',
  },
  main: {
    regex: folder('src-main'),
    message:
      'Only src-main imports src-main; the renderer reaches it through window.classhub (src-shared/bridge.ts).',
  },
  electron: {
    regex: '^electron(/|$)',
    message: 'Electron APIs stay in src-main/{main,windows,preload,ipc,electron-adapters}.ts.',
  },
  nodeProtocol: {
    regex: '^node:',
    message: 'The renderer runs in a browser: no Node modules.',
  },
};

/** no-restricted-imports with these patterns; a later block replaces an earlier one, so each block lists all. */
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

/** Bare Node module names ("fs", "path"); the `node:` spelling is caught by forbid.nodeProtocol. */
const nodeBuiltinPaths = builtinModules.map((name) => ({
  name,
  message: 'The renderer runs in a browser: no Node modules.',
}));

/** Files of src-main that may touch Electron (DESIGN.md, Desktop). */
const electronFiles = ['main', 'windows', 'preload', 'ipc', 'electron-adapters'].map(
  (name) => `src-main/${name}.ts`,
);

/**
 * Inside the renderer (src-renderer/README.md): a feature reaches another
 * only through its public module, features/<x>/index.ts; app/ likewise; ui/
 * holds shared widgets and knows no feature. A file N folders deep inside a
 * feature reaches a sibling feature's internals as `../`×N + `<x>/<file>`.
 */
function rendererBoundaries() {
  const base = [forbid.server, forbid.main, forbid.electron, forbid.nodeProtocol];
  const internals = {
    message:
      'Import another feature through its public module (features/<x>/index.ts), not its files; shared widgets belong in ui/.',
  };
  const deep = (depth) => ({
    files: [`src-renderer/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: restrict(
      [...base, { ...internals, regex: `^${'\\.\\./'.repeat(depth)}[^./][^/]*/` }],
      nodeBuiltinPaths,
    ),
  });
  return [
    deep(1),
    deep(2),
    deep(3),
    {
      files: ['src-renderer/app/**', 'src-renderer/*.{ts,tsx}'],
      rules: restrict(
        [...base, { ...internals, regex: '(^|/)features/[^/]+/.' }],
        nodeBuiltinPaths,
      ),
    },
    {
      files: ['src-renderer/ui/**'],
      rules: restrict(
        [
          ...base,
          {
            regex: '(^|/)(features|app/(?!i18n))',
            message:
              'ui/ holds shared presentational widgets: no feature, no app wiring (i18n is fine).',
          },
        ],
        nodeBuiltinPaths,
      ),
    },
  ];
}

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-*/',
    'release/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'hub-data/',
    '.tmp/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['src-renderer/**', 'tests/renderer/**', 'tests/e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Type-aware rules: a promise nobody awaits can reject unhandled and stop the hub
    // (or the desktop app that hosts it).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.renderer.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  // The layer table of DESIGN.md.
  {
    files: ['src-shared/**'],
    rules: restrict([forbid.anythingButZod, forbid.server, forbid.renderer, forbid.main]),
  },
  {
    files: ['src-server/**'],
    rules: restrict([forbid.renderer, forbid.main, forbid.electron]),
  },
  // Zones inside the hub.
  {
    files: ['src-server/realtime/**', 'src-server/http/**'],
    rules: restrict([forbid.renderer, forbid.main, forbid.electron, forbid.storage]),
  },
  {
    // routes.ts files are the HTTP edge of a domain and may use express types.
    files: ['src-server/domains/**'],
    ignores: ['src-server/domains/**/routes.ts', 'src-server/domains/**/*-routes.ts'],
    rules: restrict([forbid.renderer, forbid.main, forbid.electron, forbid.http]),
  },
  {
    files: ['src-renderer/**'],
    rules: restrict(
      [forbid.server, forbid.main, forbid.electron, forbid.nodeProtocol],
      nodeBuiltinPaths,
    ),
  },
  ...rendererBoundaries(),
  {
    // Only the two classic rules: hooks called unconditionally, and effects that list what they use.
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src-main/**'],
    ignores: electronFiles,
    rules: restrict([forbid.renderer, forbid.electron]),
  },
  {
    files: electronFiles,
    rules: restrict([forbid.renderer]),
  },
  {
    // Tests run under Vitest with no Electron binary; test the plain modules instead.
    files: ['tests/**'],
    rules: restrict([
      {
        ...forbid.electron,
        message: 'Tests run without Electron: test the plain modules of src-main.',
      },
    ]),
  },
]);
