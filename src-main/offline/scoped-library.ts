import type { ClassHubBridge } from '../../src-shared/bridge';
import { onlyInScope, type HubScope, type Scoped } from '../hub-scope';
import { DesktopError } from '../ipc-result';
import type { OfflineLibrary } from './library';
import { openLibraryItem, type FileShell } from './open-library-item';

/** The bridge's `library` group, each call made for the page whose scope comes first. */
export type ScopedLibrary = Scoped<ClassHubBridge['library']>;

/**
 * The offline library as pages see it: a hub's page lists, opens and removes
 * only its own hub's files and reads and writes only its own hub's snapshots;
 * the local shell sees everything and keeps no snapshots of its own.
 */
export function createScopedLibrary(library: OfflineLibrary, shell: FileShell): ScopedLibrary {
  /** The item, if the page may touch it; another hub's item is "not in the library" to it. */
  async function itemFor(scope: HubScope, id: string) {
    const item = (await library.list()).find((candidate) => candidate.id === id);
    if (!item || onlyInScope(scope, [item]).length === 0)
      throw new DesktopError('NOT_FOUND', 'This file is not in the offline library.');
    return item;
  }

  return {
    list: async (scope) => onlyInScope(scope, await library.list()),
    async usage(scope) {
      const items = onlyInScope(scope, await library.list());
      return { bytes: items.reduce((sum, item) => sum + item.size, 0), items: items.length };
    },
    async open(scope, id) {
      await itemFor(scope, id);
      await openLibraryItem(library, id, shell);
    },
    async remove(scope, id) {
      await itemFor(scope, id);
      await library.remove(id);
    },
    async saveSnapshot(scope, key, data) {
      if (scope.kind === 'all')
        throw new DesktopError('BAD_REQUEST', 'Only a hub’s page keeps snapshots of its pages.');
      await library.saveSnapshot(scope.origin, key, data);
    },
    async readSnapshot(scope, key) {
      return library.readSnapshot(scope.kind === 'all' ? undefined : scope.origin, key);
    },
  };
}
