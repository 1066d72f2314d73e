import type { HandlersFor } from '../handlers';
import type { DashboardService } from './dashboard-service';

export function dashboardRoutes(
  dashboard: DashboardService,
): HandlersFor<'activity' | 'upcomingDeadlines' | 'resourceSpectrum' | 'teaching'> {
  return {
    activity: ({ auth, query }) => dashboard.activity(auth.user, query),
    upcomingDeadlines: ({ auth, query }) => dashboard.upcoming(auth.user, query.limit),
    resourceSpectrum: ({ auth }) => dashboard.spectrum(auth.user),
    teaching: ({ auth }) => dashboard.teaching(auth.user),
  };
}
