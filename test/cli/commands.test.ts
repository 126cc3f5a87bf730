// `dockfix rules`, --help, --version and usage errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { KNOWN_RULES } from './fixtures.js';
import { makeProject, runCli } from './run-cli.js';

describe('dockfix rules', () => {
  test('a table of every rule: category, default severity, fix safety, aliases', async () => {
    const result = await runCli(['rules'], { cwd: makeProject() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE +CATEGORY +SEVERITY +FIX +ALIASES +DESCRIPTION$/);
    expect(result.stdout).toMatch(/^merge-run +layers +info +safe +DL3059 +\S/m);
    expect(result.stdout).toMatch(/^no-root-user +security +warning +unsafe +DL3002 +\S/m);
    expect(result.stdout).toMatch(/^npm-ci +node +warning +unsafe +- +\S/m);
    expect(result.stdout).toMatch(/^\d+ rules; \d+ on by default\.$/m);
  });

  test('--format json lists every rule with a stable shape', async () => {
    const result = await runCli(['rules', '--format', 'json'], { cwd: makeProject() });
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as Record<string, unknown>[];
    for (const rule of rules) {
      expect(Object.keys(rule)).toEqual(['id', 'category', 'severity', 'fix', 'aliases', 'optIn', 'description']);
      expect(rule).toEqual({
        id: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        category: expect.any(String),
        severity: expect.stringMatching(/^(error|warning|info|style)$/),
        fix: expect.stringMatching(/^(safe|unsafe|none)$/),
        aliases: expect.any(Array),
        optIn: expect.any(Boolean),
        description: expect.any(String),
      });
    }
    const byId = Object.fromEntries(rules.map((rule) => [rule.id, rule]));
    for (const id of KNOWN_RULES) expect(byId[id]).toBeDefined();
    expect(byId['merge-run']).toMatchObject({ aliases: ['DL3059'], fix: 'safe', optIn: false });
    expect(byId['no-root-user']).toMatchObject({ aliases: ['DL3002'], fix: 'unsafe', category: 'security' });
    expect(byId['npm-ci']).toMatchObject({ aliases: [], fix: 'unsafe', category: 'node' });
  });
});

describe('help and version', () => {
  test('--help lists the commands', async () => {
    const result = await runCli(['--help'], { cwd: makeProject() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/dockfix lint \[paths\.\.\]/);
    expect(result.stdout).toMatch(/dockfix fix \[paths\.\.\]/);
    expect(result.stdout).toMatch(/dockfix rules/);
  });

  test.each([
    [
      'lint',
      ['--format', '--select', '--ignore', '--extend-select', '--config', '--failure-threshold', '--max-file-size', '--stdin-filename', '--output-file'],
    ],
    // The CI flags (issue 9), documented with examples.
    ['lint', ['--fail-on', '-t', '--max-warnings', '--quiet', '--statistics', '--exit-zero', '--no-fail', '--error', '--warning', '--info', '--style', '--respect-gitignore', 'sarif:dockfix.sarif']],
    ['fix', ['--unsafe', '--diff', '--stdout', '--check', '--select', '--format', '--fail-on', '--max-warnings', '--exit-zero']],
    ['rules', ['--format']],
  ])('`%s --help` shows its options, examples and exit codes', async (command, options) => {
    const result = await runCli([command, '--help'], { cwd: makeProject() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const option of options) expect(result.stdout).toContain(option);
    expect(result.stdout).toContain('Examples:');
    if (command !== 'rules') expect(result.stdout).toMatch(/Exit codes:\n +0 .+\n +1 .+\n +2 /);
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'], { cwd: makeProject() })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
  test.each([
    [[], /^dockfix: no command given; use `dockfix lint`, `dockfix fix`, `dockfix format`, `dockfix rules`, `dockfix rule <id>`, `dockfix print-config <file>` or `dockfix init`; see `dockfix --help`$/],
    [['lnt'], /^dockfix: unknown command "lnt"; did you mean `dockfix lint`\? \(see `dockfix --help`\)$/],
    [['Dockerfile'], /^dockfix: unknown command "Dockerfile"; .*run `dockfix lint Dockerfile`/],
    [['lint', '--bogus'], /^dockfix: Unknown argument: bogus; see `dockfix lint --help`$/],
    [['lint', '--format', 'xml'], /^dockfix: --format: unknown format "xml"; use one of stylish, .*; see `dockfix lint --help`$/],
    [['lint', '--failure-threshold', 'fatal'], /^dockfix: Invalid values: .*fail-on.*; see `dockfix lint --help`$/],
    [['fix', '--diff', '--stdout'], /^dockfix: Arguments .*(diff|stdout).* mutually exclusive; see `dockfix fix --help`$/],
    [['lint', '--select'], /^dockfix: --select needs rule ids, aliases or categories, like --select DL3059,npm-ci; see `dockfix lint --help`$/],
    [['rules', 'extra'], /^dockfix: Unknown argument: extra; see `dockfix rules --help`$/],
  ])('%j', async (args, message) => {
    const result = await runCli(args, { cwd: makeProject() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });
});
