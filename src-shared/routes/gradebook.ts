import { route } from '../api-route';
import { courseParamsSchema } from '../schemas/courses';
import { gradebookFilterSchema, gradebookSchema } from '../schemas/gradebook';

/** The gradebook: students × assignments of one course. */
export const gradebookRoutes = {
  gradebook: route({
    method: 'get',
    path: '/courses/:courseId/gradebook',
    tag: 'submissions',
    auth: 'user',
    summary:
      'Students × assignments in one reply: each cell’s hand-in and grade (the teacher, admins); a student of the course gets their own row ("My grades")',
    params: courseParamsSchema,
    response: gradebookSchema,
  }),
  gradebookCsv: route({
    method: 'get',
    path: '/courses/:courseId/gradebook.csv',
    tag: 'submissions',
    auth: 'user',
    summary:
      'The gradebook as CSV, with the same filters as the grid: points or status per assignment, averages (the teacher, admins)',
    params: courseParamsSchema,
    query: gradebookFilterSchema,
    response: 'file',
  }),
} as const;
