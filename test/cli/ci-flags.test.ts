// The exit-status and output flags CI users bring from ESLint, Ruff and hadolint.
import { describe, expect, test } from 'vitest';
import { NODE_APP, SELECT_KNOWN, TWO_RUNS } from './fixtures.js';
import { makeProject, parseJsonReport, runCli } from './run-cli.js';

// NODE_APP: 4 warnings (npm-ci, npm-cache-clean, npm-omit-dev, no-root-user) and 1 info (merge-run).
const lint = (args: readonly string[], cwd: string) => runCli(['lint', ...SELECT_KNOWN, ...args], { cwd });

describe('--max-warnings', () => {
  test('allows up to N warnings, then fails; info does not count', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    expect((await lint(['--max-warnings', '4'], cwd)).code).toBe(0);
    expect((await lint(['--max-warnings', '3'], cwd)).code).toBe(1);
    expect((await lint(['--max-warnings', '0'], cwd)).code).toBe(1);
    // An explicit --fail-on still applies on top.
    expect((await lint(['--max-warnings', '4', '--fail-on', 'info'], cwd)).code).toBe(1);
  });

  test('errors fail whatever the warning budget', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    expect((await lint(['--max-warnings', '100', '--error', 'npm-ci'], cwd)).code).toBe(1);
  });

  test('a bad value is a usage error', async () => {
    const result = await lint(['--max-warnings', '-1'], makeProject({ Dockerfile: NODE_APP }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dockfix: --max-warnings must be a whole number of warnings/);
  });
});

describe('--fail-on (alias --failure-threshold, -t)', () => {
  test.each([
    [['--fail-on', 'error'], 0],
    [['--fail-on', 'warning'], 1],
    [['--failure-threshold', 'error'], 0],
    [['-t', 'style'], 1],
    [['-t', 'none'], 0],
    [['--fail-on', 'none'], 0],
  ])('%j → exit %i', async (args, code) => {
    const result = await lint(args, makeProject({ Dockerfile: NODE_APP }));
    expect(result.code).toBe(code);
    // The report is printed either way: the threshold decides the exit status only.
    expect(result.stdout).toContain('✖ 5 problems');
  });

  test('info-only file: fails with the default, passes with --fail-on warning', async () => {
    const cwd = makeProject({ Dockerfile: TWO_RUNS });
    expect((await lint([], cwd)).code).toBe(1);
    expect((await lint(['--fail-on', 'warning'], cwd)).code).toBe(0);
  });

  test('the command line beats the config file', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP, '.dockfix.json': JSON.stringify({ failureThreshold: 'error' }) });
    expect((await lint([], cwd)).code).toBe(0);
    expect((await lint(['--fail-on', 'warning'], cwd)).code).toBe(1);
  });
});

describe('--exit-zero and --no-fail', () => {
  test.each([['--exit-zero'], ['--no-fail']])('%s: exit 0 with problems, still 2 for an unreadable file', async (flag) => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await lint([flag], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ 5 problems');
    expect((await lint([flag, 'missing.Dockerfile'], cwd)).code).toBe(2);
  });

  test('fix --exit-zero writes the fixes and exits 0 with problems left', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['fix', ...SELECT_KNOWN, '--exit-zero'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Fixed 3 problems in 1 file; 2 remaining');
  });
});

describe('--quiet', () => {
  test('reports errors only, and only errors decide the exit status', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const quiet = await lint(['--quiet', '-f', 'json'], cwd);
    expect(quiet.code).toBe(0);
    expect(parseJsonReport(quiet.stdout)[0]?.messages).toEqual([]);
    const withError = await lint(['-q', '-f', 'json', '--error', 'DL3002'], cwd);
    expect(withError.code).toBe(1);
    expect(parseJsonReport(withError.stdout)[0]?.messages.map((m) => [m.ruleId, m.severity])).toEqual([['no-root-user', 'error']]);
  });
});

describe('severity overrides, hadolint-style', () => {
  test('--error/--warning/--info/--style by id or alias change the reported severity', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await lint(['-f', 'json', '--error', 'DL3059', '--info', 'npm-ci', '--style', 'npm-omit-dev,npm-cache-clean'], cwd);
    const severities = Object.fromEntries((parseJsonReport(result.stdout)[0]?.messages ?? []).map((m) => [m.ruleId, m.severity]));
    expect(severities).toEqual({ 'merge-run': 'error', 'npm-ci': 'info', 'npm-omit-dev': 'style', 'npm-cache-clean': 'style', 'no-root-user': 'warning' });
  });

  test('an unknown rule is a usage error naming the flag', async () => {
    const result = await lint(['--error', 'DL9999'], makeProject({ Dockerfile: NODE_APP }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--error/);
    expect(result.stderr).toMatch(/DL9999/);
  });
});

describe('--statistics', () => {
  test('counts per rule, most frequent first, fixable ones marked, instead of the problems', async () => {
    const cwd = makeProject({ 'a.Dockerfile': NODE_APP, 'b.Dockerfile': TWO_RUNS });
    const result = await lint(['--statistics'], cwd);
    expect(result.code).toBe(1);
    const rows = result.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^2 {2}merge-run \(DL3059\) +\[\*\] {2}Merge consecutive RUN instructions into one$/);
    expect(rows.slice(1).map((row) => row.split(/ {2,}/)[1])).toEqual(['no-root-user (DL3002)', 'npm-cache-clean', 'npm-ci', 'npm-omit-dev']);
    // Columns line up: every description starts at the same column.
    const descriptionColumns = rows.map((row) => row.search(/ {2}[A-Z][a-z]/));
    expect(new Set(descriptionColumns).size).toBe(1);
    expect(result.stdout).not.toContain('a.Dockerfile');
  });

  test('as JSON with --format json', async () => {
    const cwd = makeProject({ 'a.Dockerfile': NODE_APP, 'b.Dockerfile': TWO_RUNS });
    const result = await lint(['--statistics', '-f', 'json'], cwd);
    const stats = JSON.parse(result.stdout) as { ruleId: string; count: number; fixable: number }[];
    expect(stats.map(({ ruleId, count, fixable }) => [ruleId, count, fixable])).toEqual([
      ['merge-run', 2, 2],
      ['no-root-user', 1, 0],
      ['npm-cache-clean', 1, 1],
      ['npm-ci', 1, 0],
      ['npm-omit-dev', 1, 1],
    ]);
  });
});
