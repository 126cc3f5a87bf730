// Small string helpers written as loops where the obvious regex backtracks quadratically on long
// runs (`/\/+$/` retries from every slash); test/regex-safety.test.ts times every regex.

/** The path without its trailing slashes (`/app//` → `/app`, `///` → ``). */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

/**
 * Trailing slashes, for `path.replace(TRAILING_SLASHES, '')`. The lookbehind lets a match start only at
 * the first slash of a run, so a long run is scanned once instead of once from every slash.
 */
export const TRAILING_SLASHES = /(?<!\/)\/+$/;
