import { api, buildPath } from '../../src-shared/api';
import type { StoredItem } from './outbox-store';

/** What one attempt to send an item came to. */
export type SendOutcome =
  | { readonly result: 'sent' }
  /** The hub said no for good (deadline passed, not a member …): shown, never retried. */
  | { readonly result: 'refused'; readonly error: { code: string; message: string } }
  /** Offline, hub down or busy, signed out: try again on the next flush. */
  | { readonly result: 'retry'; readonly reason: string };

export interface ReplayContext {
  readonly hubUrl: string;
  readonly accessToken: string;
  readonly fetch: typeof globalThis.fetch;
  readonly readFile: (index: number) => Promise<Uint8Array>;
  /** Records an accepted upload so a resend can reuse it. */
  readonly rememberUpload: (index: number, fileId: string) => Promise<void>;
  readonly now: () => Date;
}

/** The hub deletes uploads never attached within a day; reuse one only well inside that. */
export const UPLOAD_REUSE_MS = 12 * 3_600_000;

/** Thrown inside a send to end it with an outcome (a refusal or a reason to retry). */
class Stop extends Error {
  constructor(readonly outcome: SendOutcome) {
    super('stop');
  }
}

/**
 * 401 (token expired: the renderer refreshes it and sets new credentials),
 * 408 and 429 (come back later) and 5xx are not the action's fault: retry.
 * Any other 4xx is the hub's final word on this action.
 */
async function check(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  const status = response.status;
  if (status === 401 || status === 408 || status === 429 || status >= 500)
    throw new Stop({ result: 'retry', reason: `the hub answered ${status}` });
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  throw new Stop({
    result: 'refused',
    error: {
      code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
      message:
        typeof error?.message === 'string' ? error.message : `The hub refused this (${status}).`,
    },
  });
}

async function request(ctx: ReplayContext, path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await ctx.fetch(new URL(path, ctx.hubUrl), {
      ...init,
      headers: { authorization: `Bearer ${ctx.accessToken}`, ...init.headers },
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new Stop({
      result: 'retry',
      reason: error instanceof Error ? error.message : 'network error',
    });
  }
  return check(response);
}

const postJson = (ctx: ReplayContext, path: string, body: unknown) =>
  request(ctx, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Uploads each attachment not already on the hub (in order), returning all file ids. */
async function uploadFiles(ctx: ReplayContext, item: StoredItem): Promise<string[]> {
  const fileIds: string[] = [];
  for (const [index, file] of item.files.entries()) {
    const previous = item.uploads.find((u) => u.index === index);
    if (previous && ctx.now().getTime() - Date.parse(previous.at) < UPLOAD_REUSE_MS) {
      fileIds.push(previous.fileId);
      continue;
    }
    const form = new FormData();
    form.append(
      api.upload.upload?.field ?? 'file',
      new Blob([await ctx.readFile(index)]),
      file.name,
    );
    const stored = (await request(ctx, buildPath(api.upload.path), {
      method: 'POST',
      body: form,
    })) as { id?: unknown } | undefined;
    if (typeof stored?.id !== 'string')
      throw new Stop({ result: 'retry', reason: 'the hub answered an upload without an id' });
    await ctx.rememberUpload(index, stored.id);
    fileIds.push(stored.id);
  }
  return fileIds;
}

/**
 * Sends one item the way the renderer would have if it had been online,
 * always with the item's clientId: the hub stores a repeat once, so a resend
 * after a lost answer or a crash is harmless.
 */
export async function sendItem(ctx: ReplayContext, item: StoredItem): Promise<SendOutcome> {
  try {
    switch (item.kind) {
      case 'chat-message':
        await postJson(ctx, buildPath(api.sendMessage.path, { room: item.target }), {
          clientId: item.clientId,
          text: item.text,
        });
        break;
      case 'post':
        await postJson(ctx, buildPath(api.createPost.path, { sessionId: item.target }), {
          text: item.text,
          fileIds: await uploadFiles(ctx, item),
          clientId: item.clientId,
        });
        break;
      case 'submission':
        await postJson(ctx, buildPath(api.submit.path, { deadlineId: item.target }), {
          comment: item.text,
          fileIds: await uploadFiles(ctx, item),
          clientId: item.clientId,
        });
        break;
    }
    return { result: 'sent' };
  } catch (error) {
    if (error instanceof Stop) return error.outcome;
    // Reading our own attachment failed (disk): keep the item and say why.
    return { result: 'retry', reason: error instanceof Error ? error.message : String(error) };
  }
}
