import { useEffect, useRef } from 'react';
import type { LiveHint, LiveWhat } from '../../src-shared/events';
import { socket } from './hub-client';

/**
 * A topic a screen follows: an exact hub topic (`course:<id>`, `person:<id>`,
 * `staff`…), or a prefix ending in `*` (`course:*`: any course this person is
 * in — the hub only sends them their own).
 */
export type LiveFollow = string;

/** Hints arriving together (a class handing in at once) cause one refetch. */
const DEBOUNCE_MS = 150;

function matches(follow: LiveFollow, hint: LiveHint, whats?: readonly LiveWhat[]): boolean {
  if (whats && !whats.includes(hint.what)) return false;
  return follow.endsWith('*') ? hint.topic.startsWith(follow.slice(0, -1)) : hint.topic === follow;
}

/**
 * The one live mechanism of the screens: refetches (debounced) when the hub
 * says one of the topics changed, and after every reconnect (hints sent
 * while away are not replayed). Outside React (stores); returns the stop.
 */
export function followLive(
  topics: readonly (LiveFollow | undefined)[],
  refetch: () => void,
  whats?: readonly LiveWhat[],
): () => void {
  const follows = topics.filter((t): t is LiveFollow => Boolean(t));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refetch, DEBOUNCE_MS);
  };
  const stops = [
    socket.on('live:changed', (hint) => {
      if (follows.some((follow) => matches(follow, hint, whats))) soon();
    }),
    socket.status.subscribe((state, previous) => {
      // Back after a drop (not the first connection: the screen has just loaded).
      if (
        state.connection === 'connected' &&
        previous.connection !== 'connected' &&
        previous.connection !== 'connecting'
      )
        soon();
    }),
  ];
  return () => {
    clearTimeout(timer);
    stops.forEach((stop) => stop());
  };
}

/**
 * `useLive(['course:' + id], reload)`: keeps what a screen shows in step
 * with the hub. `refetch` may change between renders; the topics are what
 * resubscribes.
 */
export function useLive(
  topics: readonly (LiveFollow | undefined)[],
  refetch: () => void | Promise<unknown>,
  whats?: readonly LiveWhat[],
): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  const key = topics.join('|');
  const whatKey = whats?.join('|');
  useEffect(
    () =>
      followLive(
        key.split('|'),
        () => void latest.current(),
        whatKey ? (whatKey.split('|') as LiveWhat[]) : undefined,
      ),
    [key, whatKey],
  );
}
