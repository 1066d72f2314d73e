import { z } from 'zod';

/** What the admin panel shows about backups of the hub. */
export const backupStatusSchema = z
  .object({
    lastBackupAt: z.iso.datetime().nullable().meta({
      description:
        'When the last backup was completed (downloaded or written by the CLI); null if never.',
    }),
  })
  .meta({ id: 'BackupStatus' });
export type BackupStatus = z.infer<typeof backupStatusSchema>;
