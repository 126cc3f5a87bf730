/** What went wrong with a path, and what to do about it, in a few words for a one-line error. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory; check the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; check the permissions of the file and its directories';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory; check the path';
    case 'ELOOP':
      return 'too many levels of symbolic links; check for a symlink loop';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files; raise the limit (ulimit -n) or lint fewer files at once';
    case 'ENOSPC':
      return 'no space left on the device; free some space and run again';
    case 'EROFS':
      return 'read-only file system; use --diff or --stdout instead of writing in place';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.replace(/\s+/g, ' ');
    }
  }
}
