import type { Request, RequestHandler } from 'express';
import type { ErrorBody } from '../../src-shared/errors';

/**
 * The hub turns off Node's whole-request timeout (300 s by default), which
 * would cut a big upload on a slow link however well it moves. Uploads are
 * watched for stalls instead (http/upload.ts); every other request must
 * arrive whole within `ms`, so a sender that dribbles a body cannot hold a
 * connection open. The answer is JSON, like every other error.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req) || req.is('multipart/form-data')) return next();
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const body: ErrorBody = {
        error: {
          code: 'REQUEST_TIMEOUT',
          message: `The request did not arrive within ${seconds(ms)} seconds. Check the network connection and try again.`,
        },
      };
      // The rest of the body will not be read: the connection cannot carry another request.
      res.setHeader('Connection', 'close');
      res.status(408).json(body);
    }, ms);
    const done = () => clearTimeout(timer);
    req.once('end', done).once('close', done);
    res.once('finish', done);
    next();
  };
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0'
  );
}

/** 60000 → "60", 500 → "0.5": what a person reads in the message. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
