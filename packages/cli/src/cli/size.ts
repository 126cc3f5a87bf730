import { formatSize } from '@dockfix/core';

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

// One wording for sizes everywhere: core's messages and the CLI's.
export { formatSize } from '@dockfix/core';

/** The message for input over the size limit, worded like @dockfix/core's own; `size` is null when unknown (a pipe). */
export function tooLargeMessage(size: number | null, limit: number): string {
  const what = size === null ? 'input is larger than' : `file is ${formatSize(size)}, over`;
  return `${what} the ${formatSize(limit)} limit for a Dockerfile; raise --max-file-size if it really is one`;
}
