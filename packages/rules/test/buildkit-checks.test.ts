import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, createLinter, Source } from '@dockfix/core';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

// The cases of moby/buildkit frontend/dockerfile/dockerfile_check_test.go (at 73ed6825) for the checks
// below, rewritten as data: a Dockerfile (and .dockerignore), and the warnings `docker build --check`
// gives, as [check, line]. Lint mode checks every stage, so where upstream lists separate
// `UnmarshalWarnings` (the lint subrequest) those are the ones used here.
//
// Not ported: cases whose outcome depends on `# check=skip=…` comments (testRuleCheckOption, the
// `# check=skip` halves of testMaintainerDeprecated, testLegacyKeyValueFormat, testCopyIgnoredFiles and
// the tail of testSecretsUsedInArgOrEnv); the `# check=` directive is another change.
const CHECKS = new Set([
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'UndefinedArgInFrom',
  'UndefinedVar',
  'LegacyKeyValueFormat',
  'InvalidDefaultArgInFrom',
  'CopyIgnoredFile',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
  'InvalidDefinitionDescription',
  'JSONArgsRecommended',
  'SecretsUsedInArgOrEnv',
]);

interface Case {
  readonly name: string;
  readonly dockerfile: string;
  readonly dockerignore?: string;
  readonly warnings: readonly (readonly [string, number])[];
}

const CASES: readonly Case[] = [
  {
    name: 'testDefinitionDescription: good descriptions',
    dockerfile:
      '# check=skip=all;experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n\n# version this is the version number\nARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n',
    warnings: [],
  },
  {
    name: 'testDefinitionDescription: bad descriptions',
    dockerfile:
      '# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n',
    warnings: [
      ['InvalidDefinitionDescription', 3],
      ['InvalidDefinitionDescription', 5],
      ['InvalidDefinitionDescription', 7],
      ['InvalidDefinitionDescription', 9],
    ],
  },
  {
    name: 'testCopyIgnoredFiles: COPY and ADD of an ignored file',
    dockerignore: '\nDockerfile\n',
    dockerfile: '\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
    warnings: [
      ['CopyIgnoredFile', 3],
      ['CopyIgnoredFile', 4],
    ],
  },
  {
    name: 'testCopyIgnoredFiles: ignored path is only a destination, and a --from copy',
    dockerignore: '\nfoobar\n',
    dockerfile: '\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n',
    warnings: [],
  },
  {
    name: 'testCopyIgnoredFiles: an ignore file with exclusions',
    dockerignore: '\n**\n!Dockerfile\n',
    dockerfile: '\nFROM scratch\nCOPY ./Dockerfile .\n',
    warnings: [],
  },
  {
    name: 'testCopyIgnoredFiles: the context root with exclusions',
    dockerignore: '\n**\n!Dockerfile\n',
    dockerfile: '\nFROM scratch\nCOPY . .\n\t',
    warnings: [],
  },
  { name: 'testCopyIgnoredFileContextRoot: dotfiles', dockerignore: '\n.*\n', dockerfile: '\nFROM scratch\nCOPY . .\n', warnings: [] },
  {
    name: 'testCopyIgnoredFileContextRoot: wildcard',
    dockerignore: '\n*\n',
    dockerfile: '\nFROM scratch\nCOPY . .\n',
    warnings: [['CopyIgnoredFile', 3]],
  },
  {
    name: 'testSecretsUsedInArgOrEnv (the lines before its check=skip comments)',
    dockerfile:
      '# check=skip=InvalidDefinitionDescription\n\nFROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\n',
    warnings: [
      ['SecretsUsedInArgOrEnv', 4],
      ['SecretsUsedInArgOrEnv', 5],
      ['SecretsUsedInArgOrEnv', 6],
      ['SecretsUsedInArgOrEnv', 6],
      ['SecretsUsedInArgOrEnv', 7],
      ['SecretsUsedInArgOrEnv', 7],
      ['SecretsUsedInArgOrEnv', 8],
      ['SecretsUsedInArgOrEnv', 9],
    ],
  },
  {
    name: 'testAllTargetUnmarshal',
    dockerfile: '\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n',
    warnings: [
      ['UndefinedVar', 3],
      ['UndefinedVar', 6],
    ],
  },
  {
    name: 'testStageName: upper-case name, lower-case as',
    dockerfile: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\n# warning: \'as\' should match \'FROM\' cmd casing.\n#\nFROM scratch as base2\n\nFROM scratch AS base3\n',
    warnings: [
      ['StageNameCasing', 4],
      ['FromAsCasing', 8],
    ],
  },
  {
    name: 'testStageName: upper-case AS after from',
    dockerfile: "\n# warning: 'AS' should match 'from' cmd casing.\n#\nfrom scratch AS base\n\nfrom scratch as base2\n",
    warnings: [['FromAsCasing', 4]],
  },
  {
    name: 'testNoEmptyContinuation',
    dockerfile: '\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n',
    warnings: [['NoEmptyContinuation', 6]],
  },
  {
    name: 'testConsistentInstructionCasing: From',
    dockerfile: "\n# warning: 'FROM' should be either lowercased or uppercased\n#\nFrom scratch as base\nFROM scratch AS base2\n",
    warnings: [['ConsistentInstructionCasing', 4]],
  },
  {
    name: 'testConsistentInstructionCasing: copy among upper case',
    dockerfile: "\nFROM scratch\n# warning: 'copy' should match command majority's casing (uppercase)\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n",
    warnings: [['ConsistentInstructionCasing', 4]],
  },
  {
    name: 'testConsistentInstructionCasing: frOM',
    dockerfile: "\n# warning: 'frOM' should be either lowercased or uppercased\n#\nfrOM scratch as base\nfrom scratch as base2\n",
    warnings: [['ConsistentInstructionCasing', 4]],
  },
  {
    name: 'testConsistentInstructionCasing: COPY among lower case',
    dockerfile: "\nfrom scratch\n# warning: 'COPY' should match command majority's casing (lowercase)\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n",
    warnings: [['ConsistentInstructionCasing', 4]],
  },
  {
    name: 'testConsistentInstructionCasing: from among upper case',
    dockerfile: "\n# warning: 'from' should match command majority's casing (uppercase)\n#\nfrom scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n",
    warnings: [['ConsistentInstructionCasing', 4]],
  },
  {
    name: 'testConsistentInstructionCasing: FROM among lower case',
    dockerfile: "\n# warning: 'FROM' should match command majority's casing (lowercase)\n#\nFROM scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n",
    warnings: [['ConsistentInstructionCasing', 4]],
  },
  { name: 'testConsistentInstructionCasing: all lower', dockerfile: '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n', warnings: [] },
  { name: 'testConsistentInstructionCasing: all upper', dockerfile: '\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n', warnings: [] },
  { name: 'testConsistentInstructionCasing: heredoc body', dockerfile: "\nFROM alpine\nRUN <<'EOT'\nenv\nEOT\n", warnings: [] },
  { name: 'testJSONArgsRecommended: CMD', dockerfile: '\nFROM scratch\nCMD mycommand\n', warnings: [['JSONArgsRecommended', 3]] },
  { name: 'testJSONArgsRecommended: ENTRYPOINT', dockerfile: '\nFROM scratch\nENTRYPOINT mycommand\n', warnings: [['JSONArgsRecommended', 3]] },
  { name: 'testJSONArgsRecommended: CMD after SHELL', dockerfile: '\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n', warnings: [] },
  { name: 'testJSONArgsRecommended: ENTRYPOINT after SHELL', dockerfile: '\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT mycommand\n', warnings: [] },
  {
    name: 'testJSONArgsRecommended: CMD after an inherited SHELL',
    dockerfile: '\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n',
    warnings: [],
  },
  {
    name: 'testJSONArgsRecommended: ENTRYPOINT after an inherited SHELL',
    dockerfile: '\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n',
    warnings: [],
  },
  { name: 'testMaintainerDeprecated: a label instead', dockerfile: '\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n', warnings: [] },
  {
    name: 'testWarningsBeforeError (the checks of this file)',
    dockerfile: '\nFROM scratch AS BadStageName\nMAINTAINER me@example.org\n',
    warnings: [['StageNameCasing', 2]],
  },
  { name: 'testUndeclaredArg: ARG base', dockerfile: '\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n', warnings: [] },
  { name: 'testUndeclaredArg: BUILDPLATFORM redeclared', dockerfile: '\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n', warnings: [] },
  { name: 'testUndeclaredArg: predefined BUILDPLATFORM', dockerfile: '\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n', warnings: [] },
  { name: 'testUndeclaredArg: ARG without a value', dockerfile: '\nARG DEBUG\nFROM scratch${DEBUG}\nCOPY Dockerfile .\n', warnings: [] },
  { name: 'testUndeclaredArg: default modifier', dockerfile: '\nARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY Dockerfile .\n', warnings: [] },
  { name: 'testUndeclaredArg: set but empty', dockerfile: '\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\nCOPY Dockerfile .\n', warnings: [] },
  { name: 'testUndeclaredArg: misspelled BUILDPLATFORM', dockerfile: '\nFROM --platform=$BULIDPLATFORM scratch\nCOPY Dockerfile .\n', warnings: [['UndefinedArgInFrom', 2]] },
  {
    name: 'testUndeclaredArg: MYARCH for MY_ARCH',
    dockerfile: '\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n\t',
    warnings: [['UndefinedArgInFrom', 4]],
  },
  { name: 'testUndeclaredArg: undeclared version', dockerfile: '\nARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n', warnings: [['UndefinedArgInFrom', 3]] },
  { name: 'testUnmatchedVars: declared ARG', dockerfile: '\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n', warnings: [] },
  { name: 'testUnmatchedVars: ARG of the parent stage', dockerfile: '\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n', warnings: [] },
  { name: 'testUnmatchedVars: PATH in RUN', dockerfile: '\nFROM alpine\nRUN echo $PATH\n', warnings: [] },
  { name: 'testUnmatchedVars: used before the ARG', dockerfile: '\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n', warnings: [['UndefinedVar', 3]] },
  {
    name: 'testUnmatchedVars: DIR_ASSET for DIR_ASSETS',
    dockerfile: '\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n\t',
    warnings: [['UndefinedVar', 6]],
  },
  { name: 'testUnmatchedVars: PAHT for PATH', dockerfile: '\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n\t\t', warnings: [['UndefinedVar', 3]] },
  {
    name: 'testLegacyKeyValueFormat: ENV and LABEL',
    dockerfile: '\nFROM scratch\nENV testkey value\nLABEL key value\n',
    warnings: [
      ['LegacyKeyValueFormat', 3],
      ['LegacyKeyValueFormat', 4],
    ],
  },
  { name: 'testLegacyKeyValueFormat: key=value', dockerfile: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n', warnings: [] },
  {
    // Upstream lists lines 3 and 4 but does not compare lines in this mode; the instructions are on 5 and 6.
    name: 'testLegacyKeyValueFormat: in a stage the target does not reach',
    dockerfile: '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n',
    warnings: [
      ['LegacyKeyValueFormat', 5],
      ['LegacyKeyValueFormat', 6],
    ],
  },
  { name: 'testInvalidDefaultArgInFrom: no default tag', dockerfile: '\nARG VERSION\nFROM busybox:$VERSION\n', warnings: [['InvalidDefaultArgInFrom', 3]] },
  { name: 'testInvalidDefaultArgInFrom: no default image', dockerfile: '\nARG IMAGE\nFROM $IMAGE\n', warnings: [['InvalidDefaultArgInFrom', 3]] },
  { name: 'testInvalidDefaultArgInFrom: default ending in a colon', dockerfile: '\nARG SFX="box:"\nFROM busy${SFX}\n', warnings: [['InvalidDefaultArgInFrom', 3]] },
  { name: 'testInvalidDefaultArgInFrom: quoted default', dockerfile: '\nARG VERSION="latest"\nFROM busybox:${VERSION}\n', warnings: [] },
  { name: 'testInvalidDefaultArgInFrom: empty default suffix', dockerfile: '\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', warnings: [] },
  { name: 'testInvalidDefaultArgInFrom: no default suffix', dockerfile: '\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t', warnings: [] },
  {
    name: 'testExposeProtoCasing',
    dockerfile: '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
    warnings: [
      ['ExposeProtoCasing', 3],
      ['ExposeProtoCasing', 3],
    ],
  },
  {
    name: 'testExposeInvalidFormat',
    dockerfile: '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n',
    warnings: [
      ['ExposeInvalidFormat', 3],
      ['ExposeInvalidFormat', 3],
      ['ExposeInvalidFormat', 3],
    ],
  },
];

const workspace = mkdtempSync(join(tmpdir(), 'dockfix-buildkit-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
const linter = createLinter({ rules });
// Every rule, opt-in ones too (InvalidDefinitionDescription is experimental upstream as well).
const config = { select: ['ALL'] };

/** Line → the 1-based line of the instruction it belongs to (a comment belongs to the instruction below it). */
function instructionLine(text: string, line: number): number {
  const source = new Source(text);
  const model = buildModel(source);
  for (const instruction of model.instructions) {
    const end = source.lineColumnAt(Math.max(instruction.range.start, instruction.range.end - 1)).line;
    if (end >= line) return source.lineColumnAt(instruction.range.start).line;
  }
  return line;
}

describe('BuildKit check cases (dockerfile_check_test.go)', () => {
  it.each(CASES.map((testCase, index) => [testCase.name, index, testCase] as const))('%s', (_name, index, testCase) => {
    const dir = join(workspace, `case-${index}`);
    mkdirSync(dir);
    const filePath = join(dir, 'Dockerfile');
    writeFileSync(filePath, testCase.dockerfile);
    if (testCase.dockerignore !== undefined) writeFileSync(join(dir, '.dockerignore'), testCase.dockerignore);
    const result = linter.lint(testCase.dockerfile, { config, filePath });
    expect(result.fatal).toBe(false);
    const actual = result.diagnostics
      .flatMap((d) => d.aliases.filter((alias) => CHECKS.has(alias)).map((alias) => `${alias}@${instructionLine(testCase.dockerfile, d.line)}`))
      .sort();
    const expected = testCase.warnings.map(([check, line]) => `${check}@${instructionLine(testCase.dockerfile, line)}`).sort();
    expect(actual).toEqual(expected);
  });
});
