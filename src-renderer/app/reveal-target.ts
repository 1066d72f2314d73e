import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Deep links to one thing on a page (a post, a deadline, a student in the
 * roster, a chat message) use the URL's hash: `#post-<id>`. The element
 * with that id is scrolled into view and marked once it has rendered —
 * pages load their data after the route changes, so this waits for it.
 */
export const targetIds = {
  post: (postId: string) => `post-${postId}`,
  comment: (commentId: string) => `comment-${commentId}`,
  deadline: (deadlineId: string) => `deadline-${deadlineId}`,
  material: (materialId: string) => `material-${materialId}`,
  student: (userId: string) => `student-${userId}`,
  message: (seq: number) => `message-${seq}`,
  approvals: () => 'approvals',
  announcement: (announcementId: string) => `announcement-${announcementId}`,
  statusUpdate: (statusUpdateId: string) => `status-update-${statusUpdateId}`,
} as const;

/** How long a page may take to load before the link gives up on its target. */
const WAIT_MS = 10_000;
/** How long the target stays marked. */
const MARK_MS = 4_000;

/** True while the URL points at this element: a card can open itself (a deadline shows "Your work"). */
export function useIsTarget(id: string): boolean {
  return useLocation().hash === `#${id}`;
}

/** `?thread=<postId>`: the post whose comments a link (to a comment) wants open. */
export const THREAD_PARAM = 'thread';

/** Used once, by the signed-in frame: reveals the URL's target whenever it changes. */
export function useRevealTarget(): void {
  const { hash, key } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id || typeof MutationObserver === 'undefined') return;
    let unmark: ReturnType<typeof setTimeout> | undefined;
    const reveal = () => {
      const element = document.getElementById(id);
      if (!element) return false;
      element.scrollIntoView({ block: 'center' });
      element.setAttribute('data-revealed', '');
      unmark = setTimeout(() => element.removeAttribute('data-revealed'), MARK_MS);
      return true;
    };
    if (reveal()) return () => clearTimeout(unmark);
    const observer = new MutationObserver(() => {
      if (reveal()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
      clearTimeout(unmark);
    };
  }, [hash, key]);
}
