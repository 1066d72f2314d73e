import { hostname } from 'node:os';

/**
 * Which hub process this is (host and process id). Several nodes behind a
 * load balancer answer it in /api/health and `hub:ping`, so an operator or a
 * test can see where a request or a socket landed.
 */
export const NODE_ID = `${hostname()}:${process.pid}`;
