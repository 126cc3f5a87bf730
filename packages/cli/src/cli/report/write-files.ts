import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomHex } from '../hash.js';

/** A report file to write: where, and its whole text. */
export interface PendingFile {
  readonly path: string;
  readonly text: string;
}

/** Why a report file could not be written. */
export interface WriteFailure {
  readonly path: string;
  readonly error: unknown;
}

/**
 * Writes several report files all or nothing, as far as a file system allows: every text goes to a
 * temp file beside its target first (written and flushed), and only when all of them succeeded are
 * they renamed into place. A reader never sees half a report, and a failure leaves no temp files.
 */
export async function writeFilesTogether(files: readonly PendingFile[]): Promise<WriteFailure | null> {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${randomHex(4)}.tmp`);
      temps.push({ temp, path: file.path });
      const handle = await open(temp, 'wx', 0o666);
      try {
        await handle.writeFile(file.text);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => unlink(temp).catch(() => undefined)));
    return { path: temps.at(-1)?.path ?? '', error };
  }
  for (const [index, { temp, path }] of temps.entries()) {
    try {
      await rename(temp, path);
    } catch (error) {
      await Promise.all(temps.slice(index).map(({ temp: left }) => unlink(left).catch(() => undefined)));
      return { path, error };
    }
  }
  return null;
}
