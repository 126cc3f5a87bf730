// Fragments (no FROM), ONBUILD triggers and the shell pragma / check directive end to end: linted like any
// file, exit 1 for problems, never 2.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, parseJsonReport, runCli } from './run-cli.js';

const FRAGMENT = 'RUN apt-get update && apt-get install curl\n';
const SELECT = ['--select', 'instruction-before-from,apt-get-yes,apt-lists-cleanup,no-sudo'];

describe('a file without FROM', () => {
  test('lint reports the structural error and every other finding, exit 1', async () => {
    const cwd = makeProject({ 'partial.Dockerfile': FRAGMENT });
    const result = await runCli(['lint', ...SELECT, '-f', 'json', 'partial.Dockerfile'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const [file] = parseJsonReport(result.stdout);
    expect(file?.messages.map((m) => [m.ruleId, m.aliases, m.severity, m.line, m.column])).toEqual([
      ['instruction-before-from', ['DL3061'], 'error', 1, 1],
      ['apt-lists-cleanup', ['DL3009'], 'info', 1, 5],
      ['apt-get-yes', ['DL3014'], 'warning', 1, 23],
    ]);
  });

  test('the error points at the first instruction before FROM', async () => {
    const cwd = makeProject({ Dockerfile: '# a partial\nARG V=1\nLABEL a=b\nWORKDIR /x\nFROM alpine:3.20\n' });
    const result = await runCli(['lint', '--select', 'DL3061', '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJsonReport(result.stdout);
    expect(file?.messages.map((m) => [m.line, m.message])).toEqual([[3, '`LABEL` before the first FROM: the Dockerfile must begin with FROM, ARG or a comment']]);
  });

  test('fix applies the safe fixes, keeps the structural error, and does not crash', async () => {
    const cwd = makeProject({ 'partial.Dockerfile': FRAGMENT });
    const result = await runCli(['fix', ...SELECT, 'partial.Dockerfile'], { cwd });
    expect(result.code).toBe(1);
    expect(readFileSync(path.join(cwd, 'partial.Dockerfile'), 'utf8')).toBe('RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
    expect(result.stdout).toContain('instruction-before-from');
  });
});

describe('ONBUILD', () => {
  test('rules see the trigger, and the diagnostic points inside it', async () => {
    const cwd = makeProject({ Dockerfile: 'FROM debian:12\nONBUILD RUN sudo apt-get install curl\nUSER nobody\n' });
    const result = await runCli(['lint', ...SELECT, '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJsonReport(result.stdout);
    expect(file?.messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn])).toEqual([
      ['no-sudo', 2, 13, 17],
      ['apt-get-yes', 2, 18, 33],
    ]);
  });

  test('fix edits the trigger in place', async () => {
    const cwd = makeProject({ Dockerfile: 'FROM debian:12\nONBUILD RUN apt-get install curl\nUSER nobody\n' });
    await runCli(['fix', ...SELECT], { cwd });
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe('FROM debian:12\nONBUILD RUN apt-get install -y curl\nUSER nobody\n');
  });
});

describe('# check= parser directive', () => {
  test('skip= silences a BuildKit-aliased rule by its check name; error=true raises it to an error', async () => {
    const text = 'FROM alpine:3.20\nCMD node server.js\n';
    const plain = await runCli(['lint', '--select', 'exec-form-cmd', '-f', 'json'], { cwd: makeProject({ Dockerfile: text }) });
    expect(parseJsonReport(plain.stdout)[0]?.messages.map((m) => m.severity)).toEqual(['warning']);
    const skipped = await runCli(['lint', '--select', 'exec-form-cmd', '-f', 'json'], { cwd: makeProject({ Dockerfile: `# check=skip=JSONArgsRecommended\n${text}` }) });
    expect(skipped.code).toBe(0);
    expect(parseJsonReport(skipped.stdout)[0]?.messages).toEqual([]);
    const errors = await runCli(['lint', '--select', 'exec-form-cmd', '-f', 'json'], { cwd: makeProject({ Dockerfile: `# check=error=true\n${text}` }) });
    expect(parseJsonReport(errors.stdout)[0]?.messages.map((m) => m.severity)).toEqual(['error']);
  });
});

describe('# hadolint shell= pragma', () => {
  test('a PowerShell body is not read as POSIX shell', async () => {
    const body = 'RUN Get-ChildItem C:\\ | Select-Object Name\n';
    const posix = await runCli(['lint', '--select', 'pipefail', '-f', 'json'], { cwd: makeProject({ Dockerfile: `FROM debian:12\n${body}` }) });
    expect(parseJsonReport(posix.stdout)[0]?.messages.map((m) => m.ruleId)).toEqual(['pipefail']);
    const pwsh = await runCli(['lint', '--select', 'pipefail', '-f', 'json'], { cwd: makeProject({ Dockerfile: `FROM debian:12\n# hadolint shell=pwsh\n${body}` }) });
    expect(pwsh.code).toBe(0);
    expect(parseJsonReport(pwsh.stdout)[0]?.messages).toEqual([]);
  });
});

describe('no-inline-ignore (DL1001)', () => {
  test('is off by default and reports inline ignore pragmas when selected', async () => {
    const cwd = makeProject({ Dockerfile: 'FROM debian:12\n# hadolint ignore=DL3059\nRUN echo a\nUSER nobody\n' });
    const defaults = await runCli(['lint', '-f', 'json'], { cwd });
    expect(parseJsonReport(defaults.stdout)[0]?.messages.map((m) => m.ruleId)).not.toContain('no-inline-ignore');
    const selected = await runCli(['lint', '--select', 'DL1001', '-f', 'json'], { cwd });
    expect(parseJsonReport(selected.stdout)[0]?.messages.map((m) => [m.ruleId, m.line])).toEqual([['no-inline-ignore', 2]]);
  });
});
