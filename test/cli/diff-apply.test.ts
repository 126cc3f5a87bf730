// `fix --diff` and `format --diff` print patches that `git apply` accepts, whatever form the path
// was given in (issue 12: `fix --diff /abs/path` printed `a//abs/path`, which git rejects).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NODE_APP } from './fixtures.js';
import { makeProject, runCli } from './run-cli.js';

function git(cwd: string, args: readonly string[], input?: string): { status: number | null; output: string } {
  const result = spawnSync('git', args, { cwd, input, encoding: 'utf8' });
  if (result.error) throw new Error(`git ${args.join(' ')} could not start: ${result.error.message} (git is needed for this test)`);
  return { status: result.status, output: result.stdout + result.stderr };
}

/** A git repository holding `files`, committed, so `git apply` has a tree to apply to. */
function repository(files: Record<string, string>): string {
  const cwd = makeProject(files);
  for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'start']]) {
    expect(git(cwd, args).status).toBe(0);
  }
  return cwd;
}

describe('--diff output applies with git apply', () => {
  test.each([
    ['an absolute path', (cwd: string) => path.join(cwd, 'services', 'api', 'Dockerfile')],
    ['a relative path', () => 'services/api/Dockerfile'],
    ['a ./ path', () => './services/api/Dockerfile'],
  ])('fix --unsafe --diff with %s', async (_label, target) => {
    const cwd = repository({ 'services/api/Dockerfile': NODE_APP });
    const result = await runCli(['fix', '--unsafe', '--diff', target(cwd)], { cwd });
    expect(result.stdout).toContain('--- a/services/api/Dockerfile\n+++ b/services/api/Dockerfile\n');
    expect(result.stdout).not.toContain('a//');
    const check = git(cwd, ['apply', '--check', '-'], result.stdout);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
    // Applying it gives what `fix` itself writes.
    expect(git(cwd, ['apply', '-'], result.stdout).status).toBe(0);
    const applied = readFileSync(path.join(cwd, 'services', 'api', 'Dockerfile'), 'utf8');
    await runCli(['fix', '--unsafe', 'services/api/Dockerfile'], { cwd });
    expect(readFileSync(path.join(cwd, 'services', 'api', 'Dockerfile'), 'utf8')).toBe(applied);
  });

  test('format --diff with an absolute path', async () => {
    const cwd = repository({ Dockerfile: 'FROM alpine:3.20\nrun apk add --no-cache curl &&   \\\n  echo done\n' });
    const result = await runCli(['format', '--diff', path.join(cwd, 'Dockerfile')], { cwd });
    expect(result.stdout).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    const check = git(cwd, ['apply', '--check', '-'], result.stdout);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });
});
