import { isAbsolute, resolve } from 'node:path';
import { BACKUP_FILE_EXTENSION } from '../../shared/backup/format';

/**
 * The `.batonbackup` file a launch was asked to open, from its command line.
 * Windows and Linux start the app (or, when it already runs, a second
 * instance whose argv reaches the first through `second-instance`) as
 * `Baton <file>`; macOS sends `open-file` instead and never passes it here.
 *
 * argv[0] is the executable; switches (Chromium adds some, e.g.
 * `--allow-file-access-from-files`) are skipped; in development argv[1] is
 * the app path (`.`), which is not a backup. Relative paths are resolved
 * against the launching shell's directory, not Baton's.
 */
export function backupPathFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue;
    if (!argument.toLowerCase().endsWith(BACKUP_FILE_EXTENSION)) continue;
    return isAbsolute(argument) ? argument : resolve(workingDirectory, argument);
  }
  return null;
}
