import { route } from '../api-route';
import { healthSchema } from '../schemas/health';

/** Whether the hub is up. */
export const healthRoutes = {
  health: route({
    method: 'get',
    path: '/health',
    tag: 'hub',
    auth: 'public',
    summary: 'Is the hub up, and which version is it',
    response: healthSchema,
  }),
} as const;
