/**
 * `npm run dev:hub` and `npm run dev`: the hub or `npm start` straight from
 * the TypeScript sources through tsx, in development mode (responses checked
 * against the contract, src-server/http/response-checks.ts). Slower to start
 * than the built hub; for working on the code only.
 */
export {};

process.env.NODE_ENV ??= 'development';
const target = process.argv.splice(2, 1)[0];
if (target === 'start') await import('./start');
else if (target === 'hub') await import('../src-server/cli');
else {
  console.error('Usage: tsx scripts/dev.ts <hub|start> [options]');
  process.exit(2);
}
