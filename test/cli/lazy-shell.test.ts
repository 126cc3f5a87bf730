// The CLI bundle loads tree-sitter's WebAssembly only for a file whose shell needs it
// (packages/cli/src/cli/shell-parser.ts): the lint or fix that hit an unloaded parser runs again from
// the start once it is loaded. Whatever the order of simple and complex files, and wherever the
// parse happens (the model's RUN bodies, or a rule parsing a CMD), the results must be the library's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fix, lint } from 'dockfix';
import { describe, expect, test } from 'vitest';
import { parseSimpleShell } from '../../packages/core/src/shell-fast.js';
import { makeProject, parseJsonReport, runCli } from './run-cli.js';

// Bodies the fast path takes (shell-fast.ts) and ones only tree-sitter parses (`[[ … ]]`; checked below).
const SIMPLE_BODY = 'apt-get update && apt-get install -y curl';
const COMPLEX_BODY = '[[ -f package-lock.json ]] && npm ci || npm install';
const COMPLEX_CMD_BODY = '[[ -f x ]] && node a.js || node b.js';
const SIMPLE = `FROM node:20\nWORKDIR /app\nRUN ${SIMPLE_BODY}\nRUN npm install\n`;
const COMPLEX_RUN = `FROM node:20\nRUN ${COMPLEX_BODY}\nRUN apt-get update\n`;
const COMPLEX_CMD = `FROM node:20\nRUN npm ci\nCMD ${COMPLEX_CMD_BODY}\n`;

test('the complex bodies are ones the fast path leaves to tree-sitter, or the tests below would test nothing', () => {
  expect(parseSimpleShell(SIMPLE_BODY)).not.toBeNull();
  expect(parseSimpleShell(COMPLEX_BODY)).toBeNull();
  expect(parseSimpleShell(COMPLEX_CMD_BODY)).toBeNull();
});

/** The messages the library reports for `text`, in the shape of the JSON report. */
function libraryMessages(text: string): [string, number, number, string][] {
  return lint(text).diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message]);
}

describe('the CLI without the shell parser loaded at start', () => {
  test.each([
    ['a simple file, then complex ones', ['a.Dockerfile', 'b.Dockerfile', 'c.Dockerfile']],
    ['complex files first', ['c.Dockerfile', 'b.Dockerfile', 'a.Dockerfile']],
  ])('lint reports what the library reports: %s', async (_order, names) => {
    const cwd = makeProject({ 'a.Dockerfile': SIMPLE, 'b.Dockerfile': COMPLEX_RUN, 'c.Dockerfile': COMPLEX_CMD });
    const result = await runCli(['lint', '--no-config-lookup', '-f', 'json', ...names], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const byFile = new Map(parseJsonReport(result.stdout).map((file) => [file.filePath, file.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]));
    for (const name of names) expect(byFile.get(name), name).toEqual(libraryMessages(readFileSync(path.join(cwd, name), 'utf8')));
  });

  test('fix writes what the library writes, for a file that needs the parser', async () => {
    const cwd = makeProject({ 'a.Dockerfile': SIMPLE, 'b.Dockerfile': COMPLEX_RUN });
    const result = await runCli(['fix', '--no-config-lookup', 'a.Dockerfile', 'b.Dockerfile'], { cwd });
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(path.join(cwd, 'a.Dockerfile'), 'utf8')).toBe(fix(SIMPLE).output);
    expect(readFileSync(path.join(cwd, 'b.Dockerfile'), 'utf8')).toBe(fix(COMPLEX_RUN).output);
  });

  test('format --fixes safe and standard input load it too', async () => {
    const cwd = makeProject({ Dockerfile: COMPLEX_CMD });
    const formatted = await runCli(['format', '--no-config-lookup', '--fixes', 'safe', '--diff', 'Dockerfile'], { cwd });
    expect(formatted.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(formatted.code);
    const stdin = await runCli(['lint', '--no-config-lookup', '-f', 'json', '-'], { cwd, input: COMPLEX_RUN });
    expect(stdin.stderr).toBe('');
    expect(parseJsonReport(stdin.stdout)[0]?.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(libraryMessages(COMPLEX_RUN));
  });
});
