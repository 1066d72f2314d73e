/** The only pages of the desktop window's local copy (no hub behind it). */
export const LOCAL_SHELL_PATHS = ['/start', '/library'] as const;

/**
 * Where a path goes in the local shell: undefined to show it, or the start
 * screen for anything that needs a hub (sign-in, courses, an old deep link).
 */
export function localShellRedirect(pathname: string): '/start' | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  return (LOCAL_SHELL_PATHS as readonly string[]).includes(path) ? undefined : '/start';
}
