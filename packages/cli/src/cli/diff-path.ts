import path from 'node:path';

/**
 * The file name a `--diff` header shows: relative to the working directory, so that `git apply`
 * and `patch -p1` run there find the file (`fix --diff /abs/path` used to print `a//abs/path`,
 * which git rejects). A file outside the working directory keeps its absolute path, which
 * unifiedDiff prints without the leading `/` (`a/tmp/x/Dockerfile`, for `git apply` run from `/`).
 */
export function diffPath(filePath: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative;
}
