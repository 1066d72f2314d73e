import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useIsSignedIn } from '../features/auth';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';

/** Pages behind sign-in: a signed-out visitor is sent to sign in, and brought back afterwards. */
export function SignedInOnly() {
  const signedIn = useIsSignedIn();
  const location = useLocation();
  if (signedIn) return <Outlet />;
  const next = location.pathname + location.search;
  return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
}

/** Welcome, sign-in and register make no sense once signed in: go where the person was heading. */
export function SignedOutOnly() {
  const signedIn = useIsSignedIn();
  const [search] = useSearchParams();
  return signedIn ? <Navigate to={safeNext(search.get('next'))} replace /> : <Outlet />;
}

/** Only paths inside this app: `//evil.example` or `https://…` would leave it. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/home';
}

/** Pages anyone may reach (not found): inside the frame that fits whoever is looking. */
export function LayoutForVisitor({ children }: { children: ReactNode }) {
  return useIsSignedIn() ? (
    <AppLayout>{children}</AppLayout>
  ) : (
    <PublicLayout>{children}</PublicLayout>
  );
}
