import type { ClassHubBridge } from '../src-shared/bridge';
import type { DownloadManager } from './downloads/download-manager';
import { assertInScope, onlyInScope, type HubScope, type Scoped } from './hub-scope';
import { DesktopError } from './ipc-result';
import type { Outbox } from './outbox/outbox';

/**
 * Downloads and the outbox as pages see them: a hub's page lists and acts on
 * its own hub's jobs and offline actions only, and can queue work only for
 * its own hub; the local shell sees and acts on all of them.
 */
export function createScopedDownloads(
  downloads: DownloadManager,
): Scoped<ClassHubBridge['downloads']> {
  async function jobFor(scope: HubScope, id: string) {
    const job = (await downloads.list()).find((candidate) => candidate.id === id);
    if (job && onlyInScope(scope, [job]).length === 0)
      throw new DesktopError('NOT_FOUND', 'There is no such download.');
  }
  return {
    list: async (scope) => onlyInScope(scope, await downloads.list()),
    async enqueue(scope, requests) {
      for (const request of requests) assertInScope(scope, request.hubUrl);
      return downloads.enqueue(requests);
    },
    async pause(scope, id) {
      await jobFor(scope, id);
      await downloads.pause(id);
    },
    async resume(scope, id) {
      await jobFor(scope, id);
      await downloads.resume(id);
    },
    async cancel(scope, id) {
      await jobFor(scope, id);
      await downloads.cancel(id);
    },
    onChanged: (listener) => downloads.onChanged(listener),
  };
}

export function createScopedOutbox(outbox: Outbox): Scoped<ClassHubBridge['outbox']> {
  return {
    list: async (scope) => onlyInScope(scope, await outbox.list()),
    async enqueue(scope, request) {
      assertInScope(scope, request.hubUrl);
      return outbox.enqueue(request);
    },
    async discard(scope, id) {
      const item = (await outbox.list()).find((candidate) => candidate.id === id);
      if (item && onlyInScope(scope, [item]).length === 0)
        throw new DesktopError('NOT_FOUND', 'There is no such offline action.');
      await outbox.discard(id);
    },
    onChanged: (listener) => outbox.onChanged(listener),
  };
}
