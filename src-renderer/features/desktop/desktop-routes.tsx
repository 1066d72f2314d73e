import { Navigate, useLocation, type RouteObject } from 'react-router';
import { LayoutForVisitor } from '../../app/guards';
import { PublicLayout } from '../../app/layout/PublicLayout';
import { RouteErrorPage } from '../../app/RouteErrorPage';
import { LibraryPage } from './LibraryPage';
import { localShellRedirect } from './local-shell';
import { StartPage } from './StartPage';

/** Anything the local shell does not have goes to the start screen. */
function ToStart() {
  const { pathname } = useLocation();
  return <Navigate to={localShellRedirect(pathname) ?? '/start'} replace />;
}

/**
 * The whole app in the local shell (`classhub-app://local/…`): no sign-in
 * guard, no page that would call the hub — it may not exist yet, or be down.
 */
export const localShellRoutes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'start', element: <StartPage /> },
          { path: 'library', element: <LibraryPage /> },
        ],
      },
      { path: '*', element: <ToStart /> },
    ],
  },
];

/**
 * The same pages when the window shows a hub: the start screen (switch or
 * host), and the library inside the signed-in frame when signed in. In a
 * plain browser both say they belong to the desktop app.
 */
export const desktopHubRoutes: RouteObject[] = [
  {
    path: 'start',
    element: (
      <PublicLayout>
        <StartPage />
      </PublicLayout>
    ),
  },
  {
    path: 'library',
    element: (
      <LayoutForVisitor>
        <LibraryPage />
      </LayoutForVisitor>
    ),
  },
];
