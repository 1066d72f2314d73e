import { route } from '../api-route';
import { healthSchema, hubInfoSchema } from '../schemas/health';

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
  hubInfo: route({
    method: 'get',
    path: '/hub',
    tag: 'hub',
    auth: 'user',
    summary: 'The addresses students use to reach this hub, for the teacher to share',
    response: hubInfoSchema,
  }),
} as const;
