import type { FailedSignInsNotice } from '../../../src-shared/schemas/accounts';
import { createStore } from '../../app/createStore';

/**
 * "Someone has been guessing your password", from the last sign-in answer.
 * Not persisted: it is shown once, in this window, and gone when closed.
 */
export const failedSignInsStore = createStore<{ notice: FailedSignInsNotice | undefined }>({
  notice: undefined,
});
