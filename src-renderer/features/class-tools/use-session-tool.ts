import { useCallback, useEffect, useRef, useState } from 'react';
import { socket } from '../../app/hub-client';

/**
 * The state of one live tool on a session page: fetched through REST when
 * the page opens and again after every reconnect (live packets sent while
 * away are not replayed), then kept current by the tool's socket events
 * through `setData`.
 */
export function useSessionTool<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => {
    loadRef.current().then(
      (value) => {
        setData(value);
        setError(undefined);
      },
      (problem: unknown) => setError(problem),
    );
  }, []);
  useEffect(() => {
    reload();
    return socket.status.subscribe((state, previous) => {
      if (
        state.connection === 'connected' &&
        previous.connection !== 'connected' &&
        previous.connection !== 'connecting'
      )
        reload();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what a reload follows
  }, deps);
  return { data, setData, error, setError, reload };
}

/** Calls `run` at most once per `ms` while events pour in (the teacher's lists behind live counts). */
export function useThrottled(run: () => void, ms = 500): () => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      runRef.current();
    }, ms);
  }, [ms]);
}
