import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { isEmail, isRfc3339, isSemver, isSpdxLicenseId, isUrl } from '../src/lib/labels.js';

// The examples of hadolint's test/Hadolint/Rule/DL3048Spec.hs … DL3058Spec.hs (at 8f936c5e), with their
// configs. hadolint lints fragments; dockfix needs a stage, so fragments get `FROM scratch` in front.
// The `onBuildRuleCatches` variants are left out: hadolint's helper wraps only RUN in ONBUILD, so for
// LABEL they are the same Dockerfile again.
type Expect = number | 'some';
interface Example {
  readonly code: string;
  readonly dockerfile: string;
  readonly expect: Expect;
}

const SCHEMA: Record<string, Record<string, unknown>> = {
  DL3048: {},
  DL3049: { labelSchema: { foo: 'text' } },
  DL3050: { labelSchema: { required: 'text' }, strictLabels: true },
  DL3051: { labelSchema: { emptylabel: 'text' } },
  DL3052: { labelSchema: { urllabel: 'url' } },
  DL3053: { labelSchema: { datelabel: 'rfc3339' } },
  DL3054: { labelSchema: { spdxlabel: 'spdx' } },
  DL3055: { labelSchema: { githash: 'hash' } },
  DL3056: { labelSchema: { semver: 'semver' } },
  DL3058: { labelSchema: { maintainer: 'email' } },
};

const fragment = (code: string, text: string, expect: Expect): Example => ({ code, dockerfile: `FROM scratch\n${text}\n`, expect });
const file = (code: string, lines: readonly string[], expect: Expect): Example => ({ code, dockerfile: `${lines.join('\n')}\n`, expect });

const EXAMPLES: readonly Example[] = [
  ...['LABEL com.docker.label="foo"', 'LABEL io.docker.label="foo"', 'LABEL org.dockerproject.label="foo"', 'LABEL invalid$character="foo"'].map((t) => fragment('DL3048', t, 'some')),
  ...['LABEL .invalid="foo"', 'LABEL -invalid="foo"', 'LABEL 1invalid="foo"', 'LABEL invalid..character="foo"', 'LABEL invalid--character="foo"'].map((t) => fragment('DL3048', t, 'some')),
  fragment('DL3048', 'LABEL org.valid-key.label3="foo"', 0),
  fragment('DL3048', 'LABEL validlabel="foo"', 0),
  file('DL3049', ['FROM baseimage'], 'some'),
  file('DL3049', ['FROM baseimage', 'LABEL bar="baz"'], 'some'),
  file('DL3049', ['FROM baseimage', 'LABEL foo="bar"'], 0),
  file('DL3049', ['FROM stage1', 'FROM stage2'], 2),
  file('DL3049', ['FROM stage1', 'LABEL bar="baz"', 'FROM stage2', 'LABEL buzz="fuzz"'], 2),
  file('DL3049', ['FROM baseimage', 'LABEL foo="bar"', 'FROM newimage'], 1),
  file('DL3049', ['FROM baseimage', 'FROM newimage', 'LABEL foo="bar"'], 1),
  file('DL3049', ['FROM baseimage', 'LABEL baz="bar"', 'FROM newimage', 'LABEL foo="bar"'], 1),
  file('DL3049', ['FROM baseimage as base', 'FROM base'], 2),
  file('DL3049', ['FROM baseimage as base', 'FROM base', 'LABEL foo="bar"'], 0),
  file('DL3049', ['FROM baseimage as base', 'FROM anotherimage', 'LABEL foo="bar"', 'COPY --from=base /bar /baz'], 0),
  file('DL3049', ['FROM baseimage as base', 'FROM anotherimage', 'LABEL foo="bar"'], 1),
  file('DL3049', ['FROM baseimage as base', 'LABEL foo="bar"', 'FROM base'], 0),
  file('DL3049', ['FROM baseimage as base', 'FROM newimage', 'LABEL foo="bar"', 'COPY --from=base /bar /baz', '', 'FROM newimage', 'COPY --from=base /bar /baz'], 1),
  file('DL3049', ['FROM baseimage as base', 'FROM base', 'LABEL foo="bar"', '', 'FROM base'], 1),
  file('DL3049', ['FROM baseimage as base', 'FROM base', '', 'FROM base', 'LABEL foo="bar"'], 1),
  { code: 'DL3050', dockerfile: 'FROM scratch\n', expect: 0 },
  fragment('DL3050', 'LABEL required="foo"', 0),
  fragment('DL3050', 'LABEL other="bar"', 'some'),
  fragment('DL3050', 'LABEL required="foo" other="bar"', 'some'),
  fragment('DL3051', 'LABEL emptylabel=""', 'some'),
  fragment('DL3051', 'LABEL emptylabel="foo"', 0),
  fragment('DL3051', 'LABEL other=""', 0),
  fragment('DL3052', 'LABEL urllabel="not-url"', 'some'),
  fragment('DL3052', 'LABEL urllabel="http://example.com"', 0),
  fragment('DL3052', 'LABEL other="foo"', 0),
  fragment('DL3053', 'LABEL datelabel="not-date"', 'some'),
  fragment('DL3053', 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"', 0),
  fragment('DL3053', 'LABEL other="doo"', 0),
  fragment('DL3054', 'LABEL spdxlabel="not-spdx"', 'some'),
  fragment('DL3054', 'LABEL spdxlabel="BSD-3-Clause"', 0),
  fragment('DL3054', 'LABEL spdxlabel="MIT"', 0),
  fragment('DL3054', 'LABEL other="fooo"', 0),
  fragment('DL3055', 'LABEL githash="not-git-hash"', 'some'),
  fragment('DL3055', 'LABEL githash="2dbfae9"', 0),
  fragment('DL3055', 'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"', 0),
  fragment('DL3055', 'LABEL other="foo"', 0),
  fragment('DL3056', 'LABEL semver="not-sem-ver"', 'some'),
  fragment('DL3056', 'LABEL semver="1.0.0"', 0),
  fragment('DL3056', 'LABEL semver="2.0.1-rc1"', 0),
  fragment('DL3056', 'LABEL other="foo"', 0),
  fragment('DL3058', 'LABEL maintainer="not-email"', 'some'),
  fragment('DL3058', 'LABEL maintainer="abcd@google.com"', 0),
  fragment('DL3058', 'LABEL other="doo"', 0),
];

const linter = createLinter({ rules });

describe('hadolint label rule examples (DL3048–DL3058 specs)', () => {
  it.each(EXAMPLES.map((example) => [example.code, JSON.stringify(example.dockerfile), example] as const))('%s %s', (code, _text, example) => {
    const rule = rules.find((candidate) => candidate.meta.sources?.some((source) => source.rule === code));
    expect(rule).toBeDefined();
    const id = rule?.meta.id ?? '';
    const result = linter.lint(example.dockerfile, { config: { select: [id], rules: { [id]: [rule?.meta.severity ?? 'warning', SCHEMA[code] ?? {}] } } });
    expect(result.fatal).toBe(false);
    const count = result.diagnostics.filter((d) => d.ruleId === id).length;
    if (example.expect === 'some') expect(count).toBeGreaterThan(0);
    else expect(count).toBe(example.expect);
  });
});

describe('label value formats', () => {
  it.each([
    ['https://github.com/example/app', true],
    ['mailto:ops@example.com', true],
    ['github.com/example/app', false],
    ['http://exa mple.com', false],
    ['https://example.com/a b', false],
  ])('url %s → %s', (value, expected) => expect(isUrl(value)).toBe(expected));
  it.each([
    ['2021-03-10T10:26:33Z', true],
    ['2021-03-10t10:26:33.5-05:30', true],
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2021-13-10T10:26:33Z', false],
    ['2021-03-10T24:00:00Z', false],
    ['2021-03-10T10:26:33', false],
    ['2021-03-10', false],
  ])('rfc3339 %s → %s', (value, expected) => expect(isRfc3339(value)).toBe(expected));
  it.each([
    ['1.0.0', true],
    ['1.2.3-rc.1+build.5', true],
    ['v1.0.0', false],
    ['1.0', false],
    ['01.0.0', false],
  ])('semver %s → %s', (value, expected) => expect(isSemver(value)).toBe(expected));
  it.each([
    ['MIT', true],
    ['apache-2.0', true],
    ['GPL-2.0', true],
    ['MIT OR Apache-2.0', false],
    ['Apache 2', false],
  ])('spdx %s → %s', (value, expected) => expect(isSpdxLicenseId(value)).toBe(expected));
  it.each([
    ['ops@example.com', true],
    ['"a b"@example.com', true],
    ['Ops <ops@example.com>', false],
    ['ops at example.com', false],
  ])('email %s → %s', (value, expected) => expect(isEmail(value)).toBe(expected));
});

describe('labelSchema option', () => {
  it('rejects a format hadolint does not know', () => {
    expect(() => linter.lint('FROM scratch\n', { config: { rules: { 'invalid-label-url': ['warning', { labelSchema: { a: 'uri' } }] } } })).toThrow(/"uri" is not one of/);
  });
  it('rejects a schema that is not an object', () => {
    expect(() => linter.lint('FROM scratch\n', { config: { rules: { 'missing-label': ['info', { labelSchema: ['a'] }] } } })).toThrow(/must be an object/);
  });
  it('skips values only known at build time', () => {
    const config = { rules: { 'invalid-label-version': ['warning', { labelSchema: { v: 'semver' } }] as const } };
    expect(linter.lint('FROM scratch\nARG V\nLABEL v=$V\n', { config }).diagnostics).toEqual([]);
    expect(linter.lint("FROM scratch\nLABEL v='$V'\n", { config }).diagnostics.map((d) => d.ruleId)).toEqual(['invalid-label-version']);
  });
});
