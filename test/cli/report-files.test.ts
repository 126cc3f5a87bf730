// --format name:path (repeated) and -o: several reports in one run, written together and atomically,
// and none at all when the run fails with exit 2.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NODE_APP, SELECT_KNOWN } from './fixtures.js';
import { makeProject, parseJsonReport, runCli } from './run-cli.js';

describe('several reports at once', () => {
  test('stylish on the console plus SARIF, JSON and GitLab files from one run', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'stylish', '-f', 'sarif:out/dockfix.sarif', '--format', 'json:report.json', '-f', 'gitlab:gl-code-quality-report.json'], { cwd });
    // out/ does not exist (dockfix does not create directories for reports): a write error, and
    // none of the three reports is written, so CI never sees a partial set.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dockfix: out\/dockfix\.sarif: cannot write the report: .*; no report file was written$/m);
    expect(existsSync(path.join(cwd, 'report.json'))).toBe(false);
    expect(existsSync(path.join(cwd, 'gl-code-quality-report.json'))).toBe(false);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(cwd, 'out'));
    const ok = await runCli(['lint', ...SELECT_KNOWN, '-f', 'stylish', '-f', 'sarif:out/dockfix.sarif', '--format', 'json:report.json', '-f', 'gitlab:gl-code-quality-report.json'], { cwd });
    expect(ok.code).toBe(1);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('✖ 5 problems');
    expect((JSON.parse(readFileSync(path.join(cwd, 'out/dockfix.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect(parseJsonReport(readFileSync(path.join(cwd, 'report.json'), 'utf8'))[0]?.messages).toHaveLength(5);
    expect(JSON.parse(readFileSync(path.join(cwd, 'gl-code-quality-report.json'), 'utf8'))).toHaveLength(5);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('-o writes the one format without a path; the others keep theirs', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'compact', '-f', 'checkstyle:cs.xml', '-o', 'lint.txt'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(path.join(cwd, 'lint.txt'), 'utf8').trimEnd().split('\n')).toHaveLength(5);
    expect(readFileSync(path.join(cwd, 'cs.xml'), 'utf8')).toMatch(/^<\?xml /);
  });

  test('fix writes its report files too, with what remains', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['fix', ...SELECT_KNOWN, '-f', 'json:remaining.json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJsonReport(readFileSync(path.join(cwd, 'remaining.json'), 'utf8'));
    expect(file?.messages.map((m) => m.ruleId).sort()).toEqual(['no-root-user', 'npm-ci']);
  });

  test('when the run fails (exit 2), no report file is written, not even for the files that were fine', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    writeFileSync(path.join(cwd, 'old.sarif'), 'previous run');
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'sarif:new.sarif', '-f', 'json:old.sarif.json', 'Dockerfile', 'missing.Dockerfile'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dockfix: missing.Dockerfile: ');
    expect(result.stderr).toContain('report files not written because of the errors above: new.sarif, old.sarif.json');
    expect(existsSync(path.join(cwd, 'new.sarif'))).toBe(false);
    expect(existsSync(path.join(cwd, 'old.sarif.json'))).toBe(false);
    expect(readFileSync(path.join(cwd, 'old.sarif'), 'utf8')).toBe('previous run');
  });

  test.each([
    [['-f', 'json', '-f', 'compact'], /^dockfix: only one report can go to the console, but json and compact have no file; write the others with --format name:path; see `dockfix lint --help`\n$/],
    [['-f', 'yaml:x.yaml'], /^dockfix: --format: unknown format "yaml"; use one of stylish, compact, gnu, json, sarif, github, gitlab, checkstyle, junit, rdjson, optionally as name:path; see/],
    [['-f', 'sarif:'], /^dockfix: --format sarif: the path after ":" is empty/],
    [['-f', 'sarif:a.json', '-f', 'json:a.json'], /^dockfix: two reports would be written to a\.json/],
    [['-f', 'sarif:a.sarif', '-o', 'b.txt'], /^dockfix: --output-file needs a --format without a path/],
  ])('usage errors: %j', async (args, message) => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', ...args], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(readdirSync(cwd)).toEqual(['Dockerfile']);
  });
});
