import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** A unified diff of a rewrite, in the `a/` `b/` form git and `patch -p1` read; empty when nothing changed. */
export function unifiedDiff(before: string, after: string, filePath = 'Dockerfile'): string {
  if (before === after) return '';
  const name = filePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
