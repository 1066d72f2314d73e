import { storedFileSchema, type StoredFile } from '../../../src-shared/schemas/files';
import { ApiError } from '../../api/api-error';
import { api } from '../../app/hub-client';
import { authStore } from '../auth/auth-store';

/**
 * File routes need the bearer token, which a plain <a href> cannot send, so
 * downloads are fetched here and handed to the browser as an object URL, and
 * uploads go through XMLHttpRequest, the one browser API that reports upload
 * progress. An expired access token is refreshed once, as the REST client does.
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

/** Fetches a file route (`/api/materials/…/file`) and saves or opens it. */
export async function fetchFile(path: string, fileName: string, open = false): Promise<void> {
  // Opened before the await so pop-up blockers see it as the click's own window.
  const tab = open ? window.open('', '_blank') : null;
  try {
    const blob = await withToken(async (token) => {
      const response = await fetch(open ? `${path}?inline=1` : path, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw await ApiError.fromResponse(response);
      return response.blob();
    });
    const url = URL.createObjectURL(blob);
    if (tab) {
      tab.location.href = url;
    } else {
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
    }
    // The browser has what it needs once the navigation or download started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
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
