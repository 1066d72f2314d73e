import { useState } from 'react';

/**
 * Runs an action the person confirmed: busy while it runs, then `onDone`;
 * if the hub refuses, the error is kept so it shows beside the question
 * instead of the dialog closing as if it had worked.
 */
export function useConfirmedAction(onConfirm: () => Promise<void>, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, clearError: () => setError(undefined), confirm };
}
