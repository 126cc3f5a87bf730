import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';
import { lintWith } from './spec-table.js';

// moby/buildkit frontend/dockerfile/dockerfile_check_test.go, the checks these rules carry. Each case is
// `[Dockerfile, lines BuildKit reports]`, selected by the BuildKit check name where dockfix's rule is the
// same check, by rule id where it is only related (the differences are on the rules' doc pages).

/** A BuildKit test case: the Dockerfile and the lines BuildKit reports the check on. */
type BuildkitCase = readonly [text: string, lines: readonly number[]];

function table(selector: string, cases: readonly BuildkitCase[]): void {
  describe(`BuildKit ${selector}`, () => {
    cases.forEach(([text, lines], index) => {
      const title = `case ${index + 1}: ${lines.length ? `reports line ${lines.join(', ')}` : 'no report'}`;
      it(title, () => {
        const found = lintWith(selector, text).map((d) => d.line).sort((a, b) => a - b);
        expect(found).toEqual(lines);
      });
    });
  });
}

table('DuplicateStageName', [
  ['\nFROM scratch AS b\nFROM scratch AS b\n', [3]],
  ['\nFROM scratch AS b1\nFROM scratch AS b2\n', []],
]);

table('ReservedStageName', [
  ['\nFROM scratch AS scratch\nFROM scratch AS context\n', [2, 3]],
  ['\nFROM scratch\nFROM scratch AS a\n', []],
]);

table('MaintainerDeprecated', [
  ['\nFROM scratch\nMAINTAINER me@example.org\n', [3]],
  ['\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n', []],
  ['\nFROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n', []],
]);

table('MultipleInstructionsDisallowed', [
  ['\nFROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n', [3, 5, 7]],
  ['\nFROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello, World!\nEOF\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n', [3, 4, 5]],
  ['\nFROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\nFROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n', []],
]);

table('RedundantTargetPlatform', [
  ['\nFROM --platform=$TARGETPLATFORM scratch\n', [2]],
  ['\nFROM --platform=${TARGETPLATFORM} scratch\n', [2]],
  ['\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n', []],
]);

// Related only: dockfix follows hadolint DL3000 and also reports a relative WORKDIR after an absolute one.
table('relative-workdir', [
  ['\nFROM scratch\nWORKDIR app/\n', [3]],
  // BuildKit: no warning, the path is known. dockfix reports it (hadolint does too) and fixes it to /app/subdir.
  ['\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n', [6]],
]);

// Related only: dockfix follows hadolint DL3029, which reports every value without BUILDPLATFORM/TARGETPLATFORM.
table('from-platform-flag', [
  ['\nFROM --platform=linux/amd64 scratch\n', [2]],
  // BuildKit: no warning, the stage name mentions the architecture or OS. dockfix (as hadolint) reports it.
  ['\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n', [2]],
  ['\nFROM --platform=linux/amd64 scratch AS linux\n', [2]],
]);

describe('MultipleInstructionsDisallowed names three rules', () => {
  const linter = createLinter({ rules });
  const text = 'FROM scratch\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n';
  const ids = (config: Parameters<typeof linter.lint>[1]) => [...new Set(linter.lint(text, config).diagnostics.map((d) => d.ruleId))].sort();

  it('--select MultipleInstructionsDisallowed runs all three', () => {
    expect(ids({ config: { select: ['MultipleInstructionsDisallowed'] } })).toEqual(['duplicate-cmd', 'duplicate-entrypoint', 'duplicate-healthcheck']);
  });
  it('--ignore MultipleInstructionsDisallowed turns all three off', () => {
    expect(ids({ config: { ignore: ['MultipleInstructionsDisallowed'] } }).filter((id) => id.startsWith('duplicate-'))).toEqual([]);
  });
  it('a hadolint code names only its own rule', () => {
    expect(ids({ config: { select: ['DL4003'] } })).toEqual(['duplicate-cmd']);
    expect(ids({ config: { ignore: ['DL4004'] } }).filter((id) => id.startsWith('duplicate-'))).toEqual(['duplicate-cmd', 'duplicate-healthcheck']);
  });
  it('every JSON alias list carries both names', () => {
    const diagnostics = linter.lint(text, { config: { select: ['MultipleInstructionsDisallowed'] } }).diagnostics;
    expect(diagnostics.find((d) => d.ruleId === 'duplicate-entrypoint')?.aliases).toEqual(['DL4004', 'MultipleInstructionsDisallowed']);
  });
});
