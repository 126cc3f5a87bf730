import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeDockerfile, InputError } from '@dockfix/core';
import type { Input } from './discover.js';
import { describeFsError } from './fs-errors.js';
import { snapshotOf, type Snapshot } from './replace-file.js';
import { tooLargeMessage } from './size.js';

/** The text of an input, or why it cannot be linted. */
export type ReadResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** What a file held, for {@link replaceFile} and the cache's content hash; undefined for stdin. */
      readonly snapshot?: Snapshot;
      /** The file's modification time when it was read, for `--cache-strategy metadata`; undefined for stdin. */
      readonly mtimeMs?: number;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Reads an input and decodes it as a Dockerfile. Never reads more than `maxFileSize + 1` bytes, so
 * a huge file named like a Dockerfile is refused without loading it.
 */
export async function readInput(input: Input, maxFileSize: number): Promise<ReadResult> {
  let bytes: Uint8Array;
  let mtimeMs: number | undefined;
  try {
    if (input.kind === 'stdin') bytes = await readStream(process.stdin, maxFileSize);
    else ({ bytes, mtimeMs } = readFileLimited(input.absolutePath, maxFileSize));
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, message: tooLargeMessage(error.size, maxFileSize) };
    return { ok: false, message: describeFsError(error) };
  }
  try {
    const text = decodeDockerfile(bytes, maxFileSize);
    return input.kind === 'file' ? { ok: true, text, snapshot: snapshotOf(bytes), ...(mtimeMs !== undefined ? { mtimeMs } : {}) } : { ok: true, text };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message };
    throw error;
  }
}

class TooLarge extends Error {
  constructor(readonly size: number | null) {
    super('too large');
  }
}

/**
 * Synchronous, though run-checks reads up to 16 inputs at once: a Dockerfile is small, and each
 * asynchronous call (open, stat, read, read, close) was a trip through libuv's thread pool, which a
 * one-file run also had to start (four threads) for this alone.
 */
function readFileLimited(path: string, maxFileSize: number): { bytes: Uint8Array; mtimeMs: number | undefined } {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stats.isFile() && stats.size > maxFileSize) throw new TooLarge(stats.size);
    // Read in chunks rather than trusting the size: pipes and /proc files report 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, 64 * 1024), maxFileSize + 1 - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxFileSize) throw new TooLarge(stats.isFile() ? Math.max(stats.size, total) : null);
    }
    // A pipe or /proc file has no meaningful mtime: without one the cache never trusts metadata alone.
    return { bytes: Buffer.concat(chunks, total), mtimeMs: stats.isFile() ? stats.mtimeMs : undefined };
  } finally {
    closeSync(fd);
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxFileSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(buffer);
    total += buffer.length;
    if (total > maxFileSize) throw new TooLarge(null);
  }
  return Buffer.concat(chunks, total);
}
