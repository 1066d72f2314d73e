import type { HandlersFor } from '../handlers';
import type { GradebookService } from './gradebook-service';

export function gradebookRoutes(
  gradebook: GradebookService,
): HandlersFor<'gradebook' | 'gradebookCsv'> {
  return {
    gradebook: ({ auth, params }) => gradebook.grid(auth.user, params.courseId),
    gradebookCsv: ({ auth, params, query }) => gradebook.csv(auth.user, params.courseId, query),
  };
}
