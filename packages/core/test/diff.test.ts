// unifiedDiff: a correct patch for any pair of texts (checked by applying it with the `diff`
// package's applyPatch), headers git accepts, and no quadratic blow-up on big rewrites.
import { applyPatch } from 'diff';
import { describe, expect, test } from 'vitest';
import { unifiedDiff } from '../src/diff.js';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

const POOL = ['FROM node:20\n', 'RUN apt-get update \\\n', '    && apt-get install -y curl\n', '\n', '# comment\n', 'RUN make\r\n', 'ENV A=1\n', 'RUN a\n'];

describe('unifiedDiff', () => {
  test('prints the form git and patch -p1 read', () => {
    expect(unifiedDiff('FROM a\nRUN x\nCMD y\n', 'FROM a\nRUN z\nCMD y\n')).toBe(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n FROM a\n-RUN x\n+RUN z\n CMD y\n',
    );
    expect(unifiedDiff('a\nb', 'a\nc')).toBe('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('same\n', 'same\n')).toBe('');
  });

  test('never writes a//abs/path: a leading slash, ./ or drive letter is dropped', () => {
    expect(unifiedDiff('a\n', 'b\n', '/abs/path/Dockerfile')).toMatch(/^--- a\/abs\/path\/Dockerfile\n\+\+\+ b\/abs\/path\/Dockerfile\n/);
    expect(unifiedDiff('a\n', 'b\n', './sub/Dockerfile')).toMatch(/^--- a\/sub\/Dockerfile\n/);
    expect(unifiedDiff('a\n', 'b\n', 'C:\\work\\Dockerfile')).toMatch(/^--- a\/work\/Dockerfile\n/);
  });

  test('a new file is a diff from /dev/null', () => {
    expect(unifiedDiff('', 'node_modules\n', '.dockerignore')).toBe('--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,1 @@\n+node_modules\n');
  });

  test('3,000 random edits: every patch applies and gives the new text', () => {
    const next = random(7);
    for (let round = 0; round < 3000; round++) {
      const lines = Array.from({ length: next(40) }, () => POOL[next(POOL.length)] as string);
      const changed: string[] = [];
      for (const line of lines) {
        const roll = next(10);
        if (roll === 0) continue;
        if (roll === 1) changed.push(POOL[next(POOL.length)] as string);
        changed.push(roll === 2 ? (POOL[next(POOL.length)] as string) : line);
      }
      let before = lines.join('');
      let after = changed.join('');
      if (next(4) === 0) before = before.replace(/\n$/, '');
      if (next(4) === 0) after = after.replace(/\n$/, '');
      const patch = unifiedDiff(before, after);
      expect(before === after ? after : applyPatch(before, patch), JSON.stringify({ before, after, patch })).toBe(after);
    }
  });

  test('a 100k-line file changed all over, and a 5,000-line block replaced, still give patches that apply', () => {
    // Ten lines a block, two of them merged: 8 unchanged lines keep the hunks apart (3 lines of context each side).
    const block = ['FROM alpine:3.20\n', 'RUN apk add curl\n', 'RUN echo one\n', 'RUN echo two\n', ...Array.from({ length: 6 }, (_, i) => `LABEL n${i}=1\n`)];
    const before = Array.from({ length: 10_000 }, () => block.join('')).join('');
    const after = before.replaceAll('RUN echo one\nRUN echo two\n', 'RUN echo one && \\\n    echo two\n');
    const patch = unifiedDiff(before, after);
    expect(patch.match(/^@@ /gm)).toHaveLength(10_000);
    expect(applyPatch(before, patch)).toBe(after);

    const replaced = before.replace(/^(?:.*\n){5000}/, 'X\n'.repeat(6000));
    expect(applyPatch(before, unifiedDiff(before, replaced))).toBe(replaced);
  });
});
