import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AuthService } from '../domains/accounts/auth-service';
import type { DownloadLinks } from '../domains/accounts/download-links';
import type { Logger } from '../logger';
import type { FileReply } from '../domains/file-reply';
import { docsRouter } from './docs';
import { LOCAL_BACKUP_PATH, localBackupRoute } from './local-backup';
import { apiNotFound, errorHandler } from './errors';
import type { Handlers } from '../domains/handlers';
import { mountRoutes } from './mount-routes';
import { buildOpenApiDocument } from './openapi';
import { rendererRouter } from './static';
import { requestDeadline } from './request-deadline';

export interface HttpAppOptions {
  readonly handlers: Handlers;
  readonly auth: AuthService;
  readonly downloadLinks: DownloadLinks;
  readonly logger: Logger;
  readonly version: string;
  /** The built renderer; without it / shows a short page saying how to build it. */
  readonly rendererDir: string | undefined;
  readonly checkResponses: boolean;
  /** An upload is cut when no bytes arrive for this long (see http/upload.ts). */
  readonly uploadStallMs: number;
  /** Any other request must arrive whole within this (see http/request-deadline.ts). */
  readonly requestTimeoutMs: number;
  /** The CLI's backup of a running hub (http/local-backup.ts); absent where there is no data folder key. */
  readonly localBackup?: { readonly key: string; readonly reply: () => FileReply };
  /** Proxies whose X-Forwarded-For names the client (config.ts `trustProxy`); none when undefined. */
  readonly trustProxy: string | undefined;
}

const JSON_LIMIT = '1mb';

/** The Express app. It never listens: createHub owns the one HTTP server. */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  // req.ip (the sign-in throttle's key) then names the client, not nginx.
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(requestDeadline(options.requestTimeoutMs));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine and Swagger UI set styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          upgradeInsecureRequests: null,
        },
      },
      // A classroom hub is plain http on the LAN; HSTS would lock students out.
      strictTransportSecurity: false,
    }),
  );

  const openApi = buildOpenApiDocument(options.version);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api', docsRouter());
  if (options.localBackup)
    app.get(
      LOCAL_BACKUP_PATH,
      localBackupRoute(options.localBackup.key, options.localBackup.reply),
    );
  app.use(
    '/api',
    express.json({ limit: JSON_LIMIT }),
    mountRoutes(
      options.handlers,
      options.auth,
      options.downloadLinks,
      logger,
      options.checkResponses,
      options.uploadStallMs,
    ),
  );
  app.use('/api', apiNotFound);

  if (options.rendererDir && existsSync(join(options.rendererDir, 'index.html'))) {
    app.use(rendererRouter(options.rendererDir));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('html')
        .send(
          '<!doctype html><html lang="en"><meta charset="utf-8"><title>ClassHub hub</title>' +
            '<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">' +
            '<h1>ClassHub hub is running</h1><p>The web app is not built in this copy: run <code>npm run build</code>.</p>' +
            '<p>The API and its interactive docs are at <a href="/api/docs/">/api/docs</a>.</p></body></html>',
        );
    });
  }
  app.use(errorHandler(logger));
  return app;
}
