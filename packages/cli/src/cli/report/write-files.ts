// fs.promises, read where it is used: importing node:fs/promises would load it (~1 ms, with
// Node's readline and fs watchers) in every CLI run, and a one-file lint uses none of it.
import { promises as fsPromises } from 'node:fs';
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
      const handle = await fsPromises.open(temp, 'wx', 0o666);
      try {
        await handle.writeFile(file.text);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => fsPromises.unlink(temp).catch(() => undefined)));
    return { path: temps.at(-1)?.path ?? '', error };
  }
  for (const [index, { temp, path }] of temps.entries()) {
    try {
      await fsPromises.rename(temp, path);
    } catch (error) {
      await Promise.all(temps.slice(index).map(({ temp: left }) => fsPromises.unlink(left).catch(() => undefined)));
      return { path, error };
    }
  }
  return null;
}
