// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../src-renderer/app/createStore';

// A fake socket: events are delivered by hand.
const handlers = new Map<string, Set<(payload: unknown) => void>>();
vi.mock('../../../src-renderer/app/hub-client', () => ({
  socket: {
    status: createStore<{ connection: string }>({ connection: 'connected' }),
    on: (event: string, handler: (payload: unknown) => void) => {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
  },
}));
const { useLiveState } = await import('../../../src-renderer/app/use-live-state');

const emit = (payload: unknown) =>
  handlers.get('hands:changed')?.forEach((handler) => handler(payload));

/** A load the test answers by hand, as a slow hub would. */
function slowLoads() {
  const answers: ((value: string[]) => void)[] = [];
  const load = vi.fn(() => new Promise<string[]>((resolve) => answers.push(resolve)));
  return { load, answer: (i: number, value: string[]) => answers[i]!(value) };
}

describe('useLiveState', () => {
  it('loads again when an event came while the first answer was on its way', async () => {
    const { load, answer } = slowLoads();
    const { result } = renderHook(() =>
      useLiveState('class-1', load, 'hands:changed', (current, payload: unknown) =>
        current ? [...current, String(payload)] : undefined,
      ),
    );
    expect(load).toHaveBeenCalledTimes(1);
    // The hub sends a change before its answer to the load arrives; the answer predates it.
    act(() => emit('emma'));
    await act(async () => answer(0, []));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await act(async () => answer(1, ['emma']));
    await waitFor(() => expect(result.current.state).toEqual(['emma']));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the newer answer when an older load answers last', async () => {
    const { load, answer } = slowLoads();
    const { result } = renderHook(() =>
      useLiveState('class-1', load, 'hands:changed', () => undefined),
    );
    await act(async () => void result.current.reload());
    await act(async () => answer(1, ['new']));
    await act(async () => answer(0, ['old']));
    expect(result.current.state).toEqual(['new']);
  });

  it('applies events to what is shown once loaded, without loading again', async () => {
    const { load, answer } = slowLoads();
    const { result } = renderHook(() =>
      useLiveState('class-1', load, 'hands:changed', (current, payload: unknown) =>
        current ? [...current, String(payload)] : undefined,
      ),
    );
    await act(async () => answer(0, ['noah']));
    act(() => emit('emma'));
    expect(result.current.state).toEqual(['noah', 'emma']);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
