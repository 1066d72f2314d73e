import { route } from '../api-route';
import { backupStatusSchema } from '../schemas/backups';

/** Backups of the whole hub (admins only): docs/decisions.md, Hub archives. */
export const backupRoutes = {
  adminBackup: route({
    method: 'get',
    path: '/admin/backup',
    tag: 'admin',
    auth: 'admin',
    summary: 'Download a backup of the whole hub (a .tar.gz archive, streamed)',
    description:
      'Every collection and log as NDJSON with a manifest of counts and sha256, plus every stored file; one consistent moment of the running hub. Restore it with `npm run hub -- restore --in FILE`.',
    response: 'file',
  }),
  adminBackupStatus: route({
    method: 'get',
    path: '/admin/backup/status',
    tag: 'admin',
    auth: 'admin',
    summary: 'When the last backup was made',
    response: backupStatusSchema,
  }),
} as const;
