import { basename, join, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built web app at `/`. Vite names every asset by its content hash, so
 * /assets/* never changes under a name: browsers keep it a year without
 * asking. index.html names the current assets, so it is always revalidated
 * (no-cache): after a hub update the next load gets the new app.
 *
 * The build writes .br and .gz copies next to each file
 * (scripts/precompress.ts); a browser that accepts them gets the smaller one
 * (the 1.4 MB of JavaScript on classroom Wi-Fi is ~0.4 MB as brotli), and the
 * hub spends no CPU compressing. Source maps are not in the served folder
 * (vite.config.ts moves them out); a *.map request is refused anyway.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** Other files at the root (icons, manifest): not hashed, so only an hour. */
export const SHORT = 'public, max-age=3600';

export function rendererRouter(rendererDir: string): Router {
  const router = Router();
  const serve = expressStaticGzip(rendererDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res: ServerResponse, file: string) => {
        res.setHeader('Cache-Control', cacheControlFor(rendererDir, file));
      },
    },
  });
  router.get(/\.map$/, (_req, res) => {
    res.status(404).type('text').send('Source maps are not served.');
  });
  router.use(serve);
  // A missing hashed asset is a 404, not the app: a page built for an older
  // hub must fail to load its script visibly rather than parse HTML as JS.
  router.get('/assets/{*rest}', (_req, res) => {
    res.status(404).type('text').send('No such file in this version of the web app.');
  });
  // Client-side routes: deep links and reloads get the app, which routes itself.
  router.get('/{*splat}', (req, res, next) => {
    req.url = '/index.html';
    serve(req, res, next);
  });
  return router;
}

/** The Cache-Control header for a file of the built web app (its real path, maybe .br/.gz). */
export function cacheControlFor(rendererDir: string, file: string): string {
  if (file.startsWith(join(rendererDir, 'assets') + sep)) return IMMUTABLE;
  if (basename(file).startsWith('index.html')) return REVALIDATE;
  return SHORT;
}
