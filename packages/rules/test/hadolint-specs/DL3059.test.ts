import { describe, expect, it } from 'vitest';
import { lintWith, specTable, withFrom, type SpecCase } from './spec-table.js';

// A comment between two RUNs usually says why they are separate (issue 12): merge-run leaves them, hadolint does not.
const commented = 'a comment between RUNs marks them as separate steps';
// hadolint leaves two RUNs apart as soon as one of them is a chain; merge-run merges up to `maxCommands` steps (4).
const steps = 'merge-run counts steps (up to 4), hadolint stops at a chained RUN';

/** The examples about chains, whose answers match hadolint's when `maxCommands` is 2. */
const chained: readonly (readonly [name: string, text: string, catches: boolean])[] = [
  ['chained commands 1: && then one', 'RUN foo && bar\nRUN foobar\n', false],
  ['chained commands 2: ; then one', 'RUN foo; bar\nRUN foobar\n', false],
  ['chained commands 3: one then &&', 'RUN foobar\nRUN foo && bar\n', false],
  ['chained commands 4: one then ;', 'RUN foobar\nRUN foo; bar\n', false],
  ['chained commands 5: && then ;', 'RUN foo && bar\nRUN foo; bar\n', false],
  ['two one-command RUNs after a chained one', 'RUN foo && bar\nRUN foo\nRUN bar\n', true],
];

specTable('DL3059', 'merge-run', [
  ['no RUN at all', 'FROM debian:10', false],
  ['one RUN', 'RUN /foo.sh', false],
  ['two RUNs not consecutive', 'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh', false],
  ['two consecutive RUNs', 'RUN /foo.sh\nRUN /bar.sh', true],
  ['two RUNs separated by a comment', 'RUN /foo.sh\n# a comment\nRUN /bar.sh', true, undefined, commented],
  ['two RUNs separated by two comments', 'RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh', true, undefined, commented],
  ['one RUN after a comment', '# a comment\nRUN /foo.sh', false],
  ['different flags: a mount, then none', 'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh', false],
  ['different flags: two different mounts', 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n', false],
  ['equal flags', 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n', true],
  ...chained.map(([name, text, catches]): SpecCase => [name, text, catches, undefined, catches ? undefined : steps]),
]);

describe('hadolint DL3059 spec → merge-run with maxCommands: 2', () => {
  for (const [name, text, catches] of chained) {
    it(`${catches ? 'reports' : 'accepts'}: ${name}`, () => {
      const found = lintWith('DL3059', withFrom(text), { maxCommands: 2 });
      expect(found.every((d) => d.ruleId === 'merge-run')).toBe(true);
      expect(found.length > 0).toBe(catches);
    });
  }
});
