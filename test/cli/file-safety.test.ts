// In-place writes of the built CLI under faults: mode, owner and line endings kept; symlinks written
// through; read-only files and directories refused; a file changed between read and write, a full disk,
// and two concurrent runs never lose anything or leave temp files; the `.dockerignore` that
// `fix --unsafe` creates never lands on a symlink, a directory or outside the Dockerfile's directory.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { OMIT_DEV_ONLY, SELECT_KNOWN } from './fixtures.js';
import { makeProject, runCli, shareWithEveryone, unprivileged, writeProjectFile, type CliResult } from './run-cli.js';

const FIXED = OMIT_DEV_ONLY.replace('--only=production', '--omit=dev');
const UNFORMATTED = 'from alpine:3.20\nrun   echo hi\n';
const FORMATTED = 'FROM alpine:3.20\nRUN echo hi\n';
const TEMP = /\.dockfix-\d+-[0-9a-f]+\.tmp$/;
const HOOKS = pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'fault-hooks.mjs')).href;

/** Every temp file dockfix may have left anywhere under `dir`. */
function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => TEMP.test(name));
}

/** The stderr lines naming `file`. */
function errorsAbout(result: CliResult, file: string): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith(`dockfix: ${file}`));
}

const fix = (cwd: string, ...args: string[]) => runCli(['fix', ...SELECT_KNOWN, ...args], { cwd });
const formatFile = (cwd: string, ...args: string[]) => runCli(['format', ...args], { cwd });

describe('in-place writes keep what the file was', () => {
  test.each([0o640, 0o755, 0o600])('mode %o is kept by fix and format', async (mode) => {
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY, 'app.Dockerfile': UNFORMATTED });
    chmodSync(path.join(cwd, 'Dockerfile'), mode);
    chmodSync(path.join(cwd, 'app.Dockerfile'), mode);
    expect((await fix(cwd, 'Dockerfile')).code).toBe(0);
    expect((await formatFile(cwd, 'app.Dockerfile')).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(FIXED);
    expect(readFileSync(path.join(cwd, 'app.Dockerfile'), 'utf8')).toBe(FORMATTED);
    expect(statSync(path.join(cwd, 'Dockerfile')).mode & 0o7777).toBe(mode);
    expect(statSync(path.join(cwd, 'app.Dockerfile')).mode & 0o7777).toBe(mode);
  });

  test('the owner is kept (root fixing a file of nobody)', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test needs root (as CI runs): only root can give a file to another user');
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY, 'app.Dockerfile': UNFORMATTED });
    for (const name of ['Dockerfile', 'app.Dockerfile']) chownSync(path.join(cwd, name), 65534, 65534);
    expect((await fix(cwd, 'Dockerfile')).code).toBe(0);
    expect((await formatFile(cwd, 'app.Dockerfile')).code).toBe(0);
    for (const name of ['Dockerfile', 'app.Dockerfile']) {
      const stats = statSync(path.join(cwd, name));
      expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
    }
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(FIXED);
  });

  test('CRLF line endings are kept by fix and format', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const cwd = makeProject({ Dockerfile: crlf(OMIT_DEV_ONLY), 'app.Dockerfile': crlf(UNFORMATTED) });
    expect((await fix(cwd, 'Dockerfile')).code).toBe(0);
    expect((await formatFile(cwd, 'app.Dockerfile')).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(crlf(FIXED));
    expect(readFileSync(path.join(cwd, 'app.Dockerfile'), 'utf8')).toBe(crlf(FORMATTED));
  });

  test('a symlinked Dockerfile is written through to its target and stays a symlink', async () => {
    const cwd = makeProject({ 'real/Dockerfile.real': OMIT_DEV_ONLY, 'real/app.real': UNFORMATTED });
    symlinkSync('real/Dockerfile.real', path.join(cwd, 'Dockerfile'));
    symlinkSync(path.join(cwd, 'real/app.real'), path.join(cwd, 'app.Dockerfile'));
    expect((await fix(cwd)).code).toBe(0); // found by the directory search, as a symlink
    expect((await formatFile(cwd, 'app.Dockerfile')).code).toBe(0);
    for (const [link, target, text] of [['Dockerfile', 'real/Dockerfile.real', FIXED], ['app.Dockerfile', 'real/app.real', FORMATTED]] as const) {
      expect(lstatSync(path.join(cwd, link)).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(cwd, target), 'utf8')).toBe(text);
    }
    expect(tempFiles(cwd)).toEqual([]);
  });
});

describe('files that must not be written', () => {
  test('a read-only file (no write bit): one clear error, exit 2, untouched, even for root', async () => {
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY, 'app.Dockerfile': UNFORMATTED });
    chmodSync(path.join(cwd, 'Dockerfile'), 0o444);
    chmodSync(path.join(cwd, 'app.Dockerfile'), 0o444);
    for (const result of [await fix(cwd, 'Dockerfile'), await formatFile(cwd, 'app.Dockerfile')]) {
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n').filter((line) => line.startsWith('dockfix:'))).toHaveLength(1);
    }
    const result = await fix(cwd, 'Dockerfile');
    expect(errorsAbout(result, 'Dockerfile')).toEqual(['dockfix: Dockerfile: cannot write the fixed file: the file is read-only (mode 0444); make it writable, or use --diff to see the changes; it was left as it was']);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(OMIT_DEV_ONLY);
    expect(readFileSync(path.join(cwd, 'app.Dockerfile'), 'utf8')).toBe(UNFORMATTED);
    expect(statSync(path.join(cwd, 'Dockerfile')).mode & 0o777).toBe(0o444);
  });

  test('a file the user may not write, in a directory they may (as nobody): refused, not replaced by rename', async () => {
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY });
    chmodSync(cwd, 0o777);
    chmodSync(path.join(cwd, 'Dockerfile'), 0o644);
    const asUser = unprivileged();
    const result = await runCli(['fix', ...SELECT_KNOWN, 'Dockerfile'], { cwd, ...(asUser ? { asUser } : {}) });
    expect(result.code).toBe(2);
    expect(errorsAbout(result, 'Dockerfile')).toEqual([expect.stringMatching(/^dockfix: Dockerfile: cannot write the fixed file: the file is read-only \(mode 0644\)/)]);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(OMIT_DEV_ONLY);
    expect(statSync(path.join(cwd, 'Dockerfile')).uid).toBe(process.getuid?.());
  });

  test('a read-only directory (as nobody): one clear error, exit 2, untouched, no temp file', async () => {
    const cwd = makeProject({ 'locked/Dockerfile': OMIT_DEV_ONLY, 'open/Dockerfile': OMIT_DEV_ONLY });
    shareWithEveryone(cwd);
    chmodSync(path.join(cwd, 'locked'), 0o555);
    chmodSync(path.join(cwd, 'open'), 0o777);
    for (const dir of ['locked', 'open']) chmodSync(path.join(cwd, dir, 'Dockerfile'), 0o666);
    const asUser = unprivileged();
    // The file that can be written is the user's own: another user's would be refused (its owner cannot be kept).
    if (asUser) chownSync(path.join(cwd, 'open', 'Dockerfile'), asUser.uid, asUser.gid);
    const result = await runCli(['fix', ...SELECT_KNOWN, 'locked/Dockerfile', 'open/Dockerfile'], { cwd, ...(asUser ? { asUser } : {}) });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('dockfix:'))).toEqual([
      `dockfix: locked/Dockerfile: cannot write the fixed file: its directory ${path.join(cwd, 'locked')} is not writable, and dockfix replaces a file through a temporary file beside it; use --diff or --stdout instead; it was left as it was`,
    ]);
    expect(readFileSync(path.join(cwd, 'locked/Dockerfile'), 'utf8')).toBe(OMIT_DEV_ONLY);
    expect(readFileSync(path.join(cwd, 'open/Dockerfile'), 'utf8')).toBe(FIXED); // the other file is still fixed
    expect(tempFiles(cwd)).toEqual([]);
  });

  test('a file changed on disk between read and write is not overwritten, and the run says so', async () => {
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY });
    const file = path.join(cwd, 'Dockerfile');
    const result = await runCli(['fix', ...SELECT_KNOWN, 'Dockerfile'], {
      cwd,
      env: { NODE_OPTIONS: `--import=${HOOKS}`, DOCKFIX_TEST_FAULT: 'change-on-disk', DOCKFIX_TEST_FAULT_FILE: file },
    });
    expect(result.code).toBe(2);
    expect(errorsAbout(result, 'Dockerfile')).toEqual(['dockfix: Dockerfile: cannot write the fixed file: the file changed on disk while dockfix worked on it (run dockfix again); it was left as it was']);
    expect(readFileSync(file, 'utf8')).toBe(`${OMIT_DEV_ONLY}# saved by an editor meanwhile\n`);
    expect(tempFiles(cwd)).toEqual([]);
  });

  test('a failed write (ENOSPC half-way, injected) leaves the original intact and no temp file', async () => {
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY, 'app.Dockerfile': UNFORMATTED });
    const env = { NODE_OPTIONS: `--import=${HOOKS}`, DOCKFIX_TEST_FAULT: 'enospc' };
    const fixed = await runCli(['fix', ...SELECT_KNOWN, 'Dockerfile'], { cwd, env });
    const formatted = await runCli(['format', 'app.Dockerfile'], { cwd, env });
    expect(fixed.code).toBe(2);
    expect(formatted.code).toBe(2);
    expect(errorsAbout(fixed, 'Dockerfile')).toEqual(['dockfix: Dockerfile: cannot write the fixed file: no space left on the device; free some space and run again; it was left as it was']);
    expect(errorsAbout(formatted, 'app.Dockerfile')).toHaveLength(1);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(OMIT_DEV_ONLY);
    expect(readFileSync(path.join(cwd, 'app.Dockerfile'), 'utf8')).toBe(UNFORMATTED);
    expect(tempFiles(cwd)).toEqual([]);
  });
});

describe('a really full disk (a 512 KB tmpfs, mounted as root)', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const dir of mounts) spawnSync('umount', [dir]);
  });

  test('the temp file cannot be written: the original is intact, no temp file is left, exit 2', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test needs root (as CI runs) to mount a small tmpfs');
    const cwd = makeProject();
    const disk = path.join(cwd, 'disk');
    mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'dockfix-test-full', disk], { encoding: 'utf8' });
    if (mounted.status !== 0) throw new Error(`cannot mount a tmpfs as root: ${mounted.stderr}`);
    mounts.push(disk);
    // A 300 KB Dockerfile with a fix to apply, and a filler that leaves less room than a second copy needs.
    const big = OMIT_DEV_ONLY + '# padding padding padding padding padding padding padding padding\n'.repeat(4_600);
    writeProjectFile(disk, 'Dockerfile', big);
    writeFileSync(path.join(disk, 'filler'), Buffer.alloc(160 * 1024));
    const result = await runCli(['fix', ...SELECT_KNOWN, 'disk/Dockerfile'], { cwd });
    expect(result.code).toBe(2);
    expect(errorsAbout(result, 'disk/Dockerfile')).toEqual(['dockfix: disk/Dockerfile: cannot write the fixed file: no space left on the device; free some space and run again; it was left as it was']);
    expect(readFileSync(path.join(disk, 'Dockerfile'), 'utf8')).toBe(big);
    expect(tempFiles(disk)).toEqual([]);
  });
});

describe('two fix processes on the same tree at once', () => {
  test('twenty rounds lose nothing and leave no temp files', { timeout: 300_000 }, async () => {
    const files: Record<string, string> = {
      Dockerfile: OMIT_DEV_ONLY,
      'a/Dockerfile': OMIT_DEV_ONLY.replace('server.js', 'a.js'),
      'b/c/app.Dockerfile': OMIT_DEV_ONLY.replace('server.js', 'c.js'),
      'crlf/Dockerfile': OMIT_DEV_ONLY.replace(/\n/g, '\r\n'),
      'd/Dockerfile': OMIT_DEV_ONLY.replace('COPY package*.json ./', 'COPY . .'),
      'e/Dockerfile': OMIT_DEV_ONLY.replace('COPY package*.json ./', 'COPY . .'),
    };
    // What one run alone makes of the tree, including the `.dockerignore` files --unsafe creates.
    const reference = makeProject(files);
    expect((await runCli(['fix', '--unsafe', ...SELECT_KNOWN, '--extend-select', 'missing-dockerignore'], { cwd: reference })).code).not.toBe(2);
    const expected = (cwd: string) =>
      Object.fromEntries(
        readdirSync(cwd, { recursive: true, encoding: 'utf8' })
          .filter((name) => statSync(path.join(cwd, name)).isFile())
          .sort()
          .map((name) => [name, readFileSync(path.join(cwd, name), 'utf8')]),
      );
    const want = expected(reference);
    expect(Object.keys(want).filter((name) => name.endsWith('.dockerignore')).length).toBeGreaterThan(0);
    for (let round = 0; round < 20; round++) {
      const cwd = makeProject(files);
      const args = ['fix', '--unsafe', ...SELECT_KNOWN, '--extend-select', 'missing-dockerignore'];
      const [first, second] = await Promise.all([runCli(args, { cwd }), runCli(args, { cwd })]);
      for (const result of [first, second]) {
        expect(result.code, `round ${round}: ${result.stderr}`).not.toBe(2);
        expect(result.stderr, `round ${round}`).not.toMatch(/cannot|internal error/);
      }
      expect(expected(cwd), `round ${round}`).toEqual(want);
      expect(tempFiles(cwd), `round ${round}`).toEqual([]);
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('the .dockerignore that fix --unsafe creates', () => {
  const args = ['fix', '--unsafe', '--select', 'missing-dockerignore'];
  const COPIES_ALL = 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

  test('is created beside the Dockerfile when nothing is there', async () => {
    const cwd = makeProject({ 'svc/Dockerfile': COPIES_ALL, '.git/HEAD': 'ref: refs/heads/main\n' });
    const result = await runCli([...args, 'svc/Dockerfile'], { cwd });
    expect(result.stderr).toContain('Created svc/.dockerignore');
    expect(readFileSync(path.join(cwd, 'svc/.dockerignore'), 'utf8')).toContain('node_modules');
    expect(existsSync(path.join(cwd, '.dockerignore'))).toBe(false);
  });

  test('is never written through a symlink (to a file or dangling) nor over a directory', async () => {
    const cwd = makeProject({ 'svc/Dockerfile': COPIES_ALL, 'outside/victim': 'precious\n', '.git/HEAD': 'ref: refs/heads/main\n' });
    for (const [setup, check] of [
      [() => symlinkSync(path.join(cwd, 'outside/victim'), path.join(cwd, 'svc/.dockerignore')), () => expect(readFileSync(path.join(cwd, 'outside/victim'), 'utf8')).toBe('precious\n')],
      [() => symlinkSync(path.join(cwd, 'outside/new'), path.join(cwd, 'svc/.dockerignore')), () => expect(existsSync(path.join(cwd, 'outside/new'))).toBe(false)],
      [() => mkdirSync(path.join(cwd, 'svc/.dockerignore')), () => expect(readdirSync(path.join(cwd, 'svc/.dockerignore'))).toEqual([])],
    ] as const) {
      rmSync(path.join(cwd, 'svc/.dockerignore'), { recursive: true, force: true });
      setup();
      const result = await runCli([...args, 'svc/Dockerfile'], { cwd });
      expect(result.stderr).not.toContain('Created');
      check();
    }
  });
});
