import { createBrowserRouter, type RouteObject } from 'react-router';
import { CheckEmailPage } from '../features/auth';
import { ForgotPasswordPage } from '../features/auth';
import { RegisterPage } from '../features/auth';
import { ResetPasswordPage } from '../features/auth';
import { SignInPage } from '../features/auth';
import { VerifyEmailPage } from '../features/auth';
import { WaitingForApprovalPage } from '../features/auth';
import { CataloguePage } from '../features/courses';
import { CoursePage } from '../features/courses';
import { VisitorCataloguePage } from '../features/courses';
import { CalendarPage } from '../features/calendar';
import { ChatPage } from '../features/chat';
import { desktopHubRoutes, localShellRoutes } from '../features/desktop';
import { HomePage } from '../features/home';
import { AdminPage } from '../features/admin';
import { PeopleSearchPage } from '../features/people';
import { OwnProfilePage } from '../features/profile';
import { PersonProfilePage } from '../features/profile';
import { SessionPage } from '../features/sessions';
import { CheckInPage } from '../features/class-tools';
import { SessionsPage } from '../features/sessions';
import { StudentsPage } from '../features/students';
import { WelcomePage } from '../features/welcome';
import { isLocalShell } from '../desktop';
import { LayoutForVisitor, SignedInOnly, SignedOutOnly } from './guards';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

/**
 * Every URL of the app. The hub answers any unknown path with index.html, so
 * each of these works as a deep link and after a reload. `/verify-email` and
 * `/reset-password` are the paths the hub puts in its emails.
 */
export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            element: <SignedOutOnly />,
            children: [
              { index: true, element: <WelcomePage /> },
              { path: 'sign-in', element: <SignInPage /> },
              { path: 'register', element: <RegisterPage /> },
              { path: 'catalogue', element: <VisitorCataloguePage /> },
            ],
          },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'waiting-for-approval', element: <WaitingForApprovalPage /> },
          { path: 'check-your-email', element: <CheckEmailPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
        ],
      },
      {
        element: <SignedInOnly />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: 'home', element: <HomePage /> },
              { path: 'courses', element: <CataloguePage /> },
              { path: 'courses/:courseId', element: <CoursePage /> },
              { path: 'sessions', element: <SessionsPage /> },
              { path: 'sessions/:sessionId', element: <SessionPage /> },
              { path: 'check-in', element: <CheckInPage /> },
              { path: 'calendar', element: <CalendarPage /> },
              { path: 'chat', element: <ChatPage /> },
              { path: 'chat/:room', element: <ChatPage /> },
              { path: 'profile', element: <OwnProfilePage /> },
              { path: 'people', element: <PeopleSearchPage /> },
              { path: 'people/:username', element: <PersonProfilePage /> },
              { path: 'students', element: <StudentsPage /> },
              { path: 'admin', element: <AdminPage /> },
            ],
          },
        ],
      },
      ...desktopHubRoutes,
      {
        path: '*',
        element: (
          <LayoutForVisitor>
            <NotFoundPage />
          </LayoutForVisitor>
        ),
      },
    ],
  },
];

export function createRouter() {
  // The desktop window's local copy has no hub behind it: only the start screen and the library.
  return createBrowserRouter(isLocalShell() ? localShellRoutes : routes);
}
