import { createRequire } from 'node:module';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);

/**
 * Interactive API docs at /api/docs from the swagger-ui-dist package, served
 * by the hub itself so they work on a classroom network with no internet.
 */
export function docsRouter(): Router {
  const router = Router();
  // Only the folder's path: the package's main module also loads its 1.5 MB browser bundle
  // into the hub's heap (≈40 MB of RSS) although the hub only serves its files.
  const assets = (require('swagger-ui-dist/absolute-path.js') as () => string)();
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res
      .type('application/javascript')
      .send(
        "window.onload = function () { window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' }); };",
      );
  });
  router.get('/docs', (req, res, next) =>
    req.path === '/docs' && !req.originalUrl.endsWith('/')
      ? res.redirect(301, '/api/docs/')
      : next(),
  );
  router.use('/docs', express.static(assets, { index: 'index.html' }));
  return router;
}
