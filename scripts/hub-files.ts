/**
 * What a production copy of the hub needs besides `npm ci --omit=dev`:
 * the bundles, the built web app, and the files src-server loads at run time
 * by their source location (scripts/keep-source-location.ts). The CI check
 * of the omit-dev install copies exactly these (scripts/check-production.ts),
 * so a file the hub starts needing and this list forgets fails CI.
 */
export const HUB_BUNDLE_DIR = 'dist-hub';

export const PRODUCTION_FILES: readonly string[] = [
  'package.json',
  'package-lock.json',
  HUB_BUNDLE_DIR,
  'dist-renderer',
  'resources/app/common-passwords.txt',
  'src-server/domains/accounts/password-worker.js',
  'scripts/launch.mjs',
];
