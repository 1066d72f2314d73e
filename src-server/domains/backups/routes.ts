import type { HandlersFor } from '../handlers';
import type { BackupService } from './backup-service';

export function backupRoutes(
  backups: BackupService,
): HandlersFor<'adminBackup' | 'adminBackupStatus'> {
  return {
    adminBackup: ({ auth }) => Promise.resolve(backups.download(auth.user)),
    adminBackupStatus: () => backups.status(),
  };
}
