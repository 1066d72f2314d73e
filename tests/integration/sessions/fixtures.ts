import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { upload } from '../../support/files';
import type { Reply } from '../../support/http';
import type { Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';

/** A minimal PDF: the hub recognises it by its `%PDF-` header, as it would a real one. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The hub's clock, moved by tests: follows real time plus an offset, or stands still at a set instant. */
export class TestClock {
  private offsetMs = 0;
  private fixedAt: number | undefined;
  readonly now = (): Date => new Date(this.fixedAt ?? Date.now() + this.offsetMs);
  advance(ms: number): void {
    if (this.fixedAt === undefined) this.offsetMs += ms;
    else this.fixedAt += ms;
  }
  freeze(iso: string): void {
    this.fixedAt = Date.parse(iso);
  }
  reset(): void {
    this.offsetMs = 0;
    this.fixedAt = undefined;
  }
}

/** POST /api/uploads with the one file in the field `file`. */
export function uploadFile(
  hub: TestHub,
  person: Person,
  bytes: Buffer,
  fileName: string,
  type = 'application/octet-stream',
): Promise<Reply> {
  return upload(`${hub.url}/api/uploads`, person.token, 'file', bytes, fileName, type, 'POST');
}

/** Uploads a file that must be accepted; returns its id. */
export async function uploaded(
  hub: TestHub,
  person: Person,
  bytes: Buffer,
  fileName: string,
): Promise<string> {
  const reply = await uploadFile(hub, person, bytes, fileName);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

/** Hosts a session; returns its id and the join token as the host sees it (ABC-DEF-GHJ). */
export async function hostSession(
  hub: TestHub,
  host: Person,
  body: Record<string, unknown> = { title: 'Study group' },
): Promise<{ id: string; joinToken: string }> {
  const reply = await hub.call('createSession', { token: host.token, body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { id: reply.body.id as string, joinToken: reply.body.joinToken as string };
}

export async function join(hub: TestHub, person: Person, token: string): Promise<void> {
  const reply = await hub.call('joinSession', { token: person.token, body: { token } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

export async function block(
  hub: TestHub,
  host: Person,
  sessionId: string,
  person: Person,
): Promise<void> {
  const reply = await hub.call('blockMember', {
    token: host.token,
    params: { sessionId, userId: person.id },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** Creates a post that must be accepted; returns the post as its author sees it. */
export async function post(
  hub: TestHub,
  author: Person,
  sessionId: string,
  body: { text?: string; fileIds?: string[] },
): Promise<Reply['body']> {
  const reply = await hub.call('createPost', { token: author.token, params: { sessionId }, body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

export interface FileReply extends Reply {
  /** The raw bytes of the answer (a file on success). */
  readonly bytes: Buffer;
}

/** GET a post's file with raw headers and query, as a browser or download manager would. */
export async function download(
  hub: TestHub,
  person: Person,
  postId: string,
  fileId: string,
  options: { headers?: Record<string, string>; query?: string } = {},
): Promise<FileReply> {
  const path = `/api/posts/${encodeURIComponent(postId)}/files/${encodeURIComponent(fileId)}`;
  const response = await fetch(new URL(path + (options.query ?? ''), hub.url), {
    headers: { authorization: `Bearer ${person.token}`, ...options.headers },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    body: json && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : undefined,
    headers: response.headers,
    bytes,
  };
}

/**
 * A hand-written multipart upload, for file names a browser's FormData would
 * rewrite: `disposition` is the part's Content-Disposition parameters after
 * `form-data; name="file"`, e.g. `filename*=UTF-8''a%22b.pdf`.
 */
export async function uploadRaw(
  hub: TestHub,
  person: Person,
  disposition: string,
  bytes: Buffer,
): Promise<Reply> {
  const boundary = '----classhub-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
      'utf8',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await fetch(new URL('/api/uploads', hub.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${person.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}
