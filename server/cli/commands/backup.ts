// CLI: `lots backup FILE` writes an encrypted, checksummed logical backup of the whole database
// (PGlite or PostgreSQL alike); `lots restore FILE [--force]` restores one into an empty, migrated
// database in one transaction; `lots backup-verify FILE` checks a file without a database.
// The key comes from LOTS_BACKUP_KEY (base64, 32 bytes) or LOTS_BACKUP_KEY_FILE.
import type { Command } from 'commander';
import { loadBackupKey } from '../../backup/backup.container.js';
import { createBackup } from '../../backup/backup.dump.js';
import { restoreBackup, verifyBackup } from '../../backup/backup.restore.js';
import { fail, progress, withDatabase } from '../context.js';

export function register(cli: Command): void {
  cli
    .command('backup')
    .description('write an encrypted backup of the whole database to FILE (needs LOTS_BACKUP_KEY or LOTS_BACKUP_KEY_FILE)')
    .argument('<file>', 'the backup file to create (never overwritten)')
    .action(async (file: string) => {
      const key = await loadBackupKey().catch(fail);
      await withDatabase(async ({ db, kind }) => {
        const bar = progress('Backing up');
        const { manifest, bytes } = await createBackup(db, kind, file, key, { onProgress: (d, t) => bar.update(d, t) });
        bar.done();
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${bytes} bytes (AES-256-GCM, SHA-256 checksum)`);
        // Names and free texts go in as they are stored, encrypted: no data key is needed here.
      }, { dataKeys: 'none' }).catch(fail);
    });

  cli
    .command('backup-verify')
    .description('check a backup file: checksum, key, authenticity and completeness (no database needed)')
    .argument('<file>')
    .action(async (file: string) => {
      try {
        const manifest = await verifyBackup(file, await loadBackupKey());
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`backup ${file} is intact: made ${manifest.createdAt} from ${manifest.database}, ${manifest.tables.length} tables, ${rows} rows, migrations up to ${manifest.migrations.at(-1) ?? '-'}`);
      } catch (e) {
        fail(e);
      }
    });

  cli
    .command('restore')
    .description('restore a backup into an empty, migrated database in one transaction')
    .argument('<file>')
    .option('--force', 'replace everything in a database that is not empty (its audit trail included)')
    .action(async (file: string, o: { force?: boolean }) => {
      const key = await loadBackupKey().catch(fail);
      await withDatabase(async ({ db }) => {
        const bar = progress('Restoring');
        const r = await restoreBackup(db, file, key, { force: o.force === true, onProgress: (d, t) => bar.update(d, t) });
        bar.done();
        console.log(`restored ${r.rows} rows in ${r.manifest.tables.length} tables from ${file} (made ${r.manifest.createdAt}); audit trail intact: ${r.auditEvents} events verified`);
        // The restored values are checked against the data keys of this process before commit.
      }, { dataKeys: 'load' }).catch(fail);
    });
}
