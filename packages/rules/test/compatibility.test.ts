import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types; it returns the page as a string.
import { renderCompatibility } from '../../../scripts/compat.mjs';
import { rules } from '../src/index.js';

// The upstream codes, fixed here from shared/reference/rules.md (not read from the generator's data, so
// that dropping a code there fails this test). hadolint removed DL3005, DL3017, DL3031, DL3039 and DL4002.
const REMOVED = new Set(['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002']);
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const HADOLINT = ['DL1001', ...range('DL', 3000, 3067), ...range('DL', 4000, 4006)].filter((code) => !REMOVED.has(code));
const BUILDKIT = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
];
/** Reasons for which a code may stay without a rule. */
// A check dockfix does not have as the same check is accepted only when it cannot be linted at all, or when
// a related rule (listed in the row) reports a superset of it.
const ACCEPTED_REASONS = [/^build-time only \(InvalidBaseImagePlatform\)/, /^covered by a related rule: .*Related, not the same check: \[/];

const page = renderCompatibility(rules) as string;
/** The table rows of the page, by the code in their first cell. */
const rows = new Map(
  page
    .split('\n')
    .map((line) => /^\| `([^`]+)` \|(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1] as string, match[2] as string]),
);

describe('docs/compatibility.md', () => {
  it('is up to date (run `npm run docs`)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../../docs/compatibility.md'), 'utf8')).toBe(page);
  });
  it('has a row for every hadolint code, the ShellCheck integration and every BuildKit check', () => {
    expect(HADOLINT).toHaveLength(71);
    const missing = [...HADOLINT, 'SCxxxx', ...BUILDKIT].filter((code) => !rows.has(code));
    expect(missing).toEqual([]);
  });
  it('leaves a code without a rule only for an accepted reason', () => {
    const gaps = [...rows].filter(([, cells]) => {
      const reason = /\*\*not implemented\*\* \| — \| — \| — \| (.*) \|$/.exec(cells)?.[1];
      return reason !== undefined && !ACCEPTED_REASONS.some((accepted) => accepted.test(reason));
    });
    expect(gaps.map(([code]) => code)).toEqual([]);
  });
  it('lists the ShellCheck rule with its default', () => {
    expect(rows.get('SCxxxx')).toMatch(/\[shellcheck\]\(rules\/shellcheck\.md\) \| off \(opt-in\) \|/);
  });
  it('names the rules with their facts and the generated differences', () => {
    expect(rows.get('DL3024')).toBe(' on | error | [duplicate-stage-name](rules/duplicate-stage-name.md) | on | error | none | — |');
    // A deliberate difference from hadolint's spec examples is stated in the row (packages/rules/test/hadolint-specs/DL3059.test.ts).
    expect(rows.get('DL3059')).toMatch(/^ on \| info \| \[merge-run\]\(rules\/merge-run\.md\) \| on \| info \| safe \| RUNs with a comment line between them are left apart/);
    expect(rows.get('InvalidBaseImagePlatform')).toMatch(/\*\*not implemented\*\*.*build-time only/);
  });
});
