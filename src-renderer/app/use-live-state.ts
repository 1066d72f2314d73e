import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServerToClientEvents } from '../../src-shared/events';
import { socket } from './hub-client';
import { followLive } from './use-live';

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

export interface LiveState<T> {
  readonly state: T | undefined;
  readonly error: unknown;
  /** Applies the answer of one's own action at once (the broadcast follows and agrees). */
  readonly set: (update: (current: T | undefined) => T | undefined) => void;
  readonly reload: () => Promise<void>;
}

/**
 * State a screen fetches from the hub and keeps live: loaded when `key`
 * changes, updated by each `event` (`apply` decides what it changes, or
 * undefined for "not ours"), and fetched again after every reconnect,
 * because events sent while away are not replayed. An event that arrives
 * while a load is on its way is applied and the load is made again, since
 * the hub may have answered it from before the event.
 */
export function useLiveState<T, E extends keyof ServerToClientEvents>(
  key: string,
  load: () => Promise<T>,
  event: E,
  apply: (current: T | undefined, payload: Payload<E>) => T | undefined,
): LiveState<T> {
  const [state, setState] = useState<{ key: string; value: T | undefined }>({
    key,
    value: undefined,
  });
  const [error, setError] = useState<unknown>();
  const latest = useRef({ load, apply });
  latest.current = { load, apply };

  // The load in flight: an event it may have been too early to include marks it
  // `missed`, and a load overtaken by a newer one drops its answer.
  const inFlight = useRef<{ key: string; missed: boolean } | undefined>(undefined);

  const reload = useCallback(async (): Promise<void> => {
    const run = { key, missed: false };
    inFlight.current = run;
    try {
      const value = await latest.current.load();
      if (inFlight.current !== run) return;
      inFlight.current = undefined;
      setState({ key, value });
      setError(undefined);
      // An event came while the hub was answering: the answer may predate it.
      if (run.missed) return reload();
    } catch (failure) {
      if (inFlight.current === run) inFlight.current = undefined;
      setError(failure);
    }
  }, [key]);

  useEffect(() => {
    void reload();
    const handler = ((payload: Payload<E>) => {
      if (inFlight.current?.key === key) inFlight.current.missed = true;
      setState((current) => {
        if (current.key !== key) return current;
        const next = latest.current.apply(current.value, payload);
        return next === undefined ? current : { key, value: next };
      });
    }) as ServerToClientEvents[E];
    const stops = [socket.on(event, handler), followLive([], () => void reload())];
    return () => stops.forEach((stop) => stop());
  }, [key, event, reload]);

  const set = useCallback(
    (update: (current: T | undefined) => T | undefined) =>
      setState((current) =>
        current.key === key ? { key, value: update(current.value) } : current,
      ),
    [key],
  );
  return { state: state.key === key ? state.value : undefined, error, set, reload };
}
