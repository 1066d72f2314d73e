/**
 * Whether the hub checks each JSON response against the route's response
 * schema before sending it. The check catches a drift between a service and
 * the contract, but it turns that drift into a 500 for the person asking, so
 * it is for development and tests only: `npm run dev:hub` sets
 * NODE_ENV=development, Vitest sets NODE_ENV=test. Anything else — the built
 * hub (NODE_ENV=production) and the desktop app's hosted hub (no NODE_ENV) —
 * sends what the service returned.
 */
export function responseChecksWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
}
