// The indexed lookups that replaced whole-list scans (packages/core/src/model.ts commentsIn,
// packages/core/src/suppress.ts SuppressionIndex): each must answer exactly what the scan answered,
// checked against the scan on generated inputs. (Their speed is measured by bench/limits.mjs.)
import { describe, expect, it } from 'vitest';
import { buildModel, collectSuppressions, commentsIn, Source, SuppressionIndex, type Suppression } from '@dockfix/core';
import { prng as random } from '../../../test/helpers/prng.js';

describe('commentsIn', () => {
  const text = ['FROM alpine', '# one', 'RUN a \\', '  # inside', '  b', '# two', '# three', 'RUN c', '#four'].join('\n');
  const model = buildModel(new Source(text));

  it('returns the comments that start in [start, end), in order, as a scan of model.comments does', () => {
    expect(model.comments.map((c) => c.text)).toEqual(['# one', '# inside', '# two', '# three', '#four']);
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length + 1; end++) {
        const scanned = model.comments.filter((c) => c.range.start >= start && c.range.start < end);
        expect(commentsIn(model, start, end), `[${start}, ${end})`).toEqual(scanned);
      }
    }
  });
});

describe('SuppressionIndex', () => {
  /** The scan the index replaced: every suppression whose scope (or the whole file) touches [start, end]. */
  const scan = (all: readonly Suppression[], start: number, end: number) => all.filter((s) => s.scope === null || (s.scope.start <= end && s.scope.end >= start));

  const suppression = (scope: { start: number; end: number } | null, n: number): Suppression => ({
    rules: [`rule-${n}`],
    entries: [],
    scope,
    comment: { start: n, end: n + 1 },
    kind: scope ? 'dockfix-ignore' : 'dockfix-ignore-file',
    syntax: 'dockfix',
  });

  for (const seed of [1, 2, 3, 20261203]) {
    it(`finds what a scan finds, nested and overlapping scopes included (seed ${seed})`, () => {
      const next = random(seed);
      const all: Suppression[] = [];
      for (let n = 0; n < 60; n++) {
        const start = Math.floor(next() * 500);
        // Mostly short instruction scopes, some long stage scopes (`# check=skip=` above a FROM), a few file-wide.
        const roll = next();
        const scope = roll < 0.1 ? null : { start, end: start + Math.floor(roll < 0.8 ? next() * 10 : next() * 200) };
        all.push(suppression(scope, n));
      }
      const index = new SuppressionIndex(all);
      for (let probe = 0; probe < 400; probe++) {
        const start = Math.floor(next() * 520) - 10;
        const end = start + (next() < 0.5 ? 0 : Math.floor(next() * 30));
        expect(index.touching(start, end), `[${start}, ${end}]`).toEqual(scan(all, start, end));
      }
    });
  }

  it('reads the pragmas of a file once per model, and each names the instruction after it', () => {
    const text = 'FROM alpine\n# hadolint ignore=DL3018\nRUN apk add curl\n# dockfix-ignore merge-run\nRUN echo 1\n';
    const model = buildModel(new Source(text));
    const found = collectSuppressions(model);
    expect(found.map((s) => (s.scope ? text.slice(s.scope.start, s.scope.end) : null))).toEqual(['RUN apk add curl', 'RUN echo 1']);
    // A copy per call: a caller that changes its list does not change the next caller's.
    found.pop();
    expect(collectSuppressions(model)).toHaveLength(2);
  });
});
