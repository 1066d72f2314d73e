import type { OfflineLibrary } from './library';

/** The two ways the OS shell can show a file (electron-adapters.ts implements them). */
export interface FileShell {
  openPath(filePath: string): Promise<void>;
  showItemInFolder(filePath: string): void;
}

/**
 * `library.open`: a document or media file opens in the system's app for it;
 * anything else (archives, unknown types, files saved before types were kept)
 * is shown selected in its folder, so the person decides what to do with it.
 */
export async function openLibraryItem(
  library: Pick<OfflineLibrary, 'openTarget'>,
  id: string,
  shell: FileShell,
): Promise<void> {
  const target = await library.openTarget(id);
  if (target.open === 'with-default-app') await shell.openPath(target.file);
  else shell.showItemInFolder(target.file);
}
