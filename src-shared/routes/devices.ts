import { route } from '../api-route';
import { courseParamsSchema } from '../schemas/courses';
import { deviceBoardSchema } from '../schemas/devices';

/** The device board: who in a course is ready for class (their devices, libraries, outboxes). */
export const deviceRoutes = {
  deviceBoard: route({
    method: 'get',
    path: '/courses/:courseId/devices',
    tag: 'devices',
    auth: 'user',
    summary:
      'Each active student’s devices: kind, app version, online now, last sync, outbox waiting and which of the course’s materials their offline library holds (the course’s teacher and admins only: it is the students’ own data)',
    params: courseParamsSchema,
    response: deviceBoardSchema,
  }),
} as const;
