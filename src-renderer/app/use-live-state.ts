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
 * because events sent while away are not replayed.
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

  const reload = useCallback(async () => {
    try {
      const value = await latest.current.load();
      setState({ key, value });
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [key]);

  useEffect(() => {
    void reload();
    const handler = ((payload: Payload<E>) =>
      setState((current) => {
        if (current.key !== key) return current;
        const next = latest.current.apply(current.value, payload);
        return next === undefined ? current : { key, value: next };
      })) as ServerToClientEvents[E];
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
