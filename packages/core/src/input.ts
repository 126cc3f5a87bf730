/** A file that cannot be linted as it is; the message says why and what to do. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Files larger than this are refused unless the caller raises the limit: real Dockerfiles are a few KB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Turns the bytes of a file into Dockerfile text, keeping a UTF-8 BOM so that a rewrite keeps it too.
 * Throws {@link InputError} for binary, UTF-16, invalid UTF-8 and oversized input.
 */
export function decodeDockerfile(bytes: Uint8Array, maxFileSize = DEFAULT_MAX_FILE_SIZE): string {
  if (bytes.length > maxFileSize) {
    throw new InputError(
      `file is ${formatSize(bytes.length)}, over the ${formatSize(maxFileSize)} limit for a Dockerfile; raise --max-file-size if it really is one`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('file is UTF-16 encoded; save it as UTF-8 (Docker reads Dockerfiles as UTF-8)');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(`file contains NUL bytes (first at byte ${nul}): it looks binary, not a Dockerfile`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`file is not valid UTF-8 (first bad byte at ${firstInvalidUtf8(bytes)}); re-save it as UTF-8`);
  }
}

/**
 * A byte count as size messages print it: `303 bytes`, `12 KB`, `1.5 MB`. Below 1 KB it says the
 * bytes: rounding 303 and 10 up to "1 KB" printed "file is 1 KB, over the 1 KB limit".
 */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const kb = bytes / 1024;
  return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0x6 ? 2 : byte >> 4 === 0xe ? 3 : byte >> 3 === 0x1e ? 4 : 0;
    if (length === 0) return i;
    for (let j = 1; j < length; j++) if (((bytes[i + j] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
