import type { Reply } from './http';
/** A real 1×1 PNG, so type detection by content sees a PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Multipart upload of one file over real HTTP. */
export async function upload(
  url: string,
  token: string,
  field: string,
  bytes: Buffer,
  fileName: string,
  type = 'application/octet-stream',
  method = 'PUT',
) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Reply['body']) : undefined,
    headers: response.headers,
  };
}
