import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { FileReply, StoredFileReply, StreamedFileReply } from '../domains/file-reply';

/** Types a browser may show inline without being able to run anything. */
const INLINE_SAFE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/|video\/|text\/plain)/;

/** Turns what a download route returned into the response. */
export function sendFileReply(req: Request, res: Response, reply: FileReply): Promise<void> {
  return reply.kind === 'stored' ? sendStoredFile(req, res, reply) : sendStream(res, reply);
}

/**
 * A served file can never run as a page of the hub, whatever its bytes. An
 * inline file may be framed by the hub's own pages only (the app's preview);
 * Chromium's PDF viewer and <img> both work under this sandbox.
 */
function harden(res: Response, inline = false): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader(
    'Content-Security-Policy',
    inline ? "default-src 'none'; frame-ancestors 'self'; sandbox" : "default-src 'none'; sandbox",
  );
}

/**
 * Sends a stored file through Express's sendFile (the `send` module): HTTP
 * Range for resumable downloads, conditional GET, HEAD. The ETag is the
 * sha256 of the bytes, so a client can check what it saved.
 */
async function sendStoredFile(req: Request, res: Response, file: StoredFileReply): Promise<void> {
  const inline = req.query.inline === '1' && INLINE_SAFE.test(file.contentType);
  res.attachment(file.fileName); // RFC 6266 encoding of any name
  if (inline)
    res.setHeader(
      'Content-Disposition',
      String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'),
    );
  res.setHeader('ETag', `"${file.etag}"`);
  harden(res, inline);
  await new Promise<void>((resolve, reject) => {
    res.sendFile(
      file.path,
      {
        headers: { 'Content-Type': file.contentType },
        etag: false,
        lastModified: false,
        dotfiles: 'allow',
        cacheControl: false,
      },
      (error) => {
        if (!error || res.headersSent) return resolve();
        // The answer becomes a JSON error (e.g. 416), not the file: drop the file's headers.
        for (const name of ['Content-Type', 'Content-Disposition', 'ETag']) res.removeHeader(name);
        reject(error);
      },
    );
  });
}

/** Bytes made on request; a failure half way cuts the connection, so no one keeps a torn file as whole. */
async function sendStream(res: Response, reply: StreamedFileReply): Promise<void> {
  if (reply.fileName !== undefined) res.attachment(reply.fileName); // sets a type by extension…
  res.type(reply.contentType); // …which the detected one replaces
  if (reply.size !== undefined) res.setHeader('Content-Length', String(reply.size));
  // Made for this person now (a CSV, a calendar): nothing in between keeps a copy.
  res.setHeader(
    'Cache-Control',
    reply.cache === 'immutable' ? 'private, max-age=31536000, immutable' : 'no-store',
  );
  harden(res);
  const body = reply.open();
  if (typeof body === 'string') {
    res.send(body);
    return;
  }
  await pipeline(body, res).catch((error: unknown) => {
    if (!res.headersSent) throw error;
    res.destroy();
  });
}
