// Replacing a Dockerfile in place without ever damaging it: a temp file beside the real file, synced,
// with the file's mode and owner, renamed over it only if the file still holds what was read. A crash,
// a full disk or a concurrent writer leaves either the old text or the new one, never a mix, and never
// loses somebody else's edit.
// fs.promises, read where it is used: importing node:fs/promises would load it (~1 ms, with
// Node's readline and fs watchers) in every CLI run, and a one-file lint uses none of it.
import { constants, promises as fsPromises } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomHex, sha256Hex } from './hash.js';

/** What a file held when it was read: compared again just before it is replaced. */
export interface Snapshot {
  readonly size: number;
  readonly sha256: string;
}

/** The snapshot of bytes just read. */
export function snapshotOf(bytes: Uint8Array): Snapshot {
  let sha256: string | undefined;
  // Hashed when first asked for (the cache, an in-place write): every file read gets a snapshot, and
  // a lint without --cache would load node:crypto only to hash files it never writes.
  return {
    size: bytes.length,
    get sha256() {
      sha256 ??= sha256Hex(bytes);
      return sha256;
    },
  };
}

/** A replacement that was refused; the message says why and what to do, in a few words. */
export class ReplaceError extends Error {
  override readonly name = 'ReplaceError';
}

/** The temp files this module creates: `.<name>.dockfix-<pid>-<random>.tmp` beside the file. */
export const TEMP_FILE_PATTERN = /^\..*\.dockfix-\d+-[0-9a-f]+\.tmp$/;

/**
 * Writes `text` over `file` atomically. Symlinks are followed, so the link stays a link and its target
 * gets the text (as editors do). Returns `unchanged-by-us` when the file already holds `text` (a
 * concurrent run wrote it first). Throws {@link ReplaceError} when the file is read-only, its directory
 * is not writable, its owner cannot be kept, or it changed since `read`; other errors (ENOSPC, EIO)
 * propagate. The file is untouched whenever this throws.
 */
export async function replaceFile(file: string, text: string, read: Snapshot): Promise<'written' | 'unchanged-by-us'> {
  const target = await fsPromises.realpath(file);
  const stats = await fsPromises.stat(target);
  // No write bit at all is a deliberate read-only file, even for root, whom fsPromises.access() lets write anything.
  const writable = (stats.mode & 0o222) !== 0 && (await fsPromises.access(target, constants.W_OK).then(() => true, () => false));
  if (!writable) {
    throw new ReplaceError(`the file is read-only (mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')}); make it writable, or use --diff to see the changes`);
  }
  const bytes = Buffer.from(text, 'utf8');
  const temp = join(dirname(target), `.${basename(target)}.dockfix-${process.pid}-${randomHex(4)}.tmp`);
  let handle;
  try {
    handle = await fsPromises.open(temp, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new ReplaceError(`its directory ${dirname(target)} is not writable, and dockfix replaces a file through a temporary file beside it; use --diff or --stdout instead`);
    }
    throw error;
  }
  try {
    try {
      await handle.writeFile(bytes);
      await handle.chmod(stats.mode & 0o7777);
      if (stats.uid !== process.getuid?.() || stats.gid !== process.getgid?.()) {
        try {
          await handle.chown(stats.uid, stats.gid);
        } catch {
          throw new ReplaceError(`cannot keep the file's owner (uid ${stats.uid}, gid ${stats.gid}); run dockfix as its owner, or use --diff`);
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // As late as possible: somebody may have saved the file while we were linting it.
    const now = await fsPromises.readFile(target);
    if (now.equals(bytes)) {
      await fsPromises.unlink(temp);
      return 'unchanged-by-us';
    }
    const current = snapshotOf(now);
    if (current.size !== read.size || current.sha256 !== read.sha256) {
      throw new ReplaceError('the file changed on disk while dockfix worked on it (run dockfix again)');
    }
    await fsPromises.rename(temp, target);
    return 'written';
  } catch (error) {
    await fsPromises.unlink(temp).catch(() => undefined);
    throw error;
  }
}
