const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * Parses a size such as `1048576`, `512k`, `5mb` or `1.5MiB` into bytes. Units are powers of
 * 1024 (as the size messages print them); returns null when the text is not a size.
 */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/**
 * A byte count as size messages print it: `303 bytes`, `12 KB`, `1.5 MB`; the same wording as
 * @dockfix/core's (a test checks they agree). Not imported from core: main.ts parses
 * `--max-file-size` before the linter is loaded, and loading it here would slow every start.
 */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const kb = bytes / 1024;
  return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
}

/** The message for input over the size limit, worded like @dockfix/core's own; `size` is null when unknown (a pipe). */
export function tooLargeMessage(size: number | null, limit: number): string {
  const what = size === null ? 'input is larger than' : `file is ${formatSize(size)}, over`;
  return `${what} the ${formatSize(limit)} limit for a Dockerfile; raise --max-file-size if it really is one`;
}
