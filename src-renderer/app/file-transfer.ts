import { storedFileSchema, type StoredFile } from '../../src-shared/schemas/files';
import { ApiError } from '../api/api-error';
import { api } from './hub-client';
import { authStore } from '../features/auth';

/**
 * File routes need the bearer token, which a plain <a href> cannot send, so
 * a download first asks the hub for a short-lived signed link to that one
 * file, then lets the browser fetch it natively: streamed to disk,
 * resumable, never held in memory. Uploads go through XMLHttpRequest, the
 * one browser API that reports upload progress. An expired access token is
 * refreshed once, as the REST client does.
 */
async function withToken<T>(run: (token: string) => Promise<T>): Promise<T> {
  const token = authStore.get().tokens?.accessToken;
  if (!token) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
  try {
    return await run(token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'TOKEN_EXPIRED') throw error;
    return run(await api.refresher.freshAccessToken(token));
  }
}

/** Saves (or opens in a new tab) a file route such as `/api/materials/…/file`. */
export async function fetchFile(path: string, fileName: string, open = false): Promise<void> {
  // Opened before the await so pop-up blockers see it as the click's own window.
  const tab = open ? window.open('', '_blank') : null;
  try {
    const link = await api.call('downloadLink', { body: { path } });
    if (tab) {
      tab.location.href = `${link.url}&inline=1`;
      return;
    }
    const anchor = document.createElement('a');
    anchor.href = link.url;
    anchor.download = fileName;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/**
 * A signed link that shows a file inside the app (the preview frame or
 * image). The hub answers inline only for PDFs and raster images, and only
 * to someone who may download the file; the link lasts ten minutes.
 */
export async function previewLink(path: string): Promise<string> {
  const link = await api.call('downloadLink', { body: { path } });
  return `${link.url}&inline=1`;
}

/** Uploads one file to /api/uploads, reporting progress from 0 to 1. */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<StoredFile> {
  return withToken(
    (token) =>
      new Promise<StoredFile>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', api.url('upload'));
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.setRequestHeader('accept', 'application/json');
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress(event.loaded / event.total);
        };
        xhr.onerror = () => reject(new ApiError('NETWORK', 'The hub could not be reached.'));
        xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
        xhr.onload = () => {
          const response = new Response(xhr.responseText, {
            status: xhr.status,
            statusText: xhr.statusText,
          });
          if (xhr.status < 200 || xhr.status >= 300) {
            void ApiError.fromResponse(response).then(reject);
            return;
          }
          const parsed = storedFileSchema.safeParse(JSON.parse(xhr.responseText));
          if (parsed.success) resolve(parsed.data);
          else reject(new ApiError('UNEXPECTED_RESPONSE', 'The hub sent an unknown answer.'));
        };
        signal?.addEventListener('abort', () => xhr.abort());
        const form = new FormData();
        form.append('file', file);
        xhr.send(form);
      }),
  );
}
