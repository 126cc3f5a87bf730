// Bad input: each problem is one line on stderr naming the file and what to do, exit 2,
// the other files are still linted (and fixed), and nothing bad is written.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { largeDockerfile, NODE_APP, OMIT_DEV_ONLY, SELECT_KNOWN } from './fixtures.js';
import { makeProject, parseJsonReport, runCli, shareWithEveryone, unprivileged, type CliResult } from './run-cli.js';

const MB = 1024 * 1024;

interface BadCase {
  readonly name: string;
  readonly file: string;
  readonly content: string | Uint8Array;
  /** What the one stderr line must say after `dockfix: <file>`. */
  readonly message: RegExp;
}

const CASES: readonly BadCase[] = [
  { name: 'an empty file', file: 'empty.Dockerfile', content: '', message: /^:1:1: the file is empty: a Dockerfile needs at least a FROM instruction; .*fix/ },
  {
    name: 'a file of only blank lines and comments',
    file: 'comments.Dockerfile',
    content: '\n# nothing here\n\n',
    message: /^:\d+:\d+: .*(empty|FROM)/,
  },
  {
    name: 'NUL bytes (binary)',
    file: 'binary.Dockerfile',
    content: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0x00, 0x01, 0x02, 0xff, 0x0a]),
    message: /^: file contains NUL bytes \(first at byte 5\): it looks binary, not a Dockerfile$/,
  },
  {
    name: 'invalid UTF-8 (Latin-1 text)',
    file: 'latin1.Dockerfile',
    content: Buffer.concat([Buffer.from('FROM alpine:3.20\nLABEL author="Ren'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    message: /^: file is not valid UTF-8 \(first bad byte at 34\); re-save it as UTF-8$/,
  },
  {
    name: 'UTF-16',
    file: 'utf16.Dockerfile',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM alpine:3.20\n', 'utf16le')]),
    message: /^: file is UTF-16 encoded; save it as UTF-8/,
  },
  {
    name: 'an unknown instruction',
    file: 'unknown.Dockerfile',
    content: 'FROM alpine:3.20\nRUNN echo hi\n',
    message: /^:2:1: unknown instruction "RUNN"; docker build would reject this file, so fix that first$/,
  },
  {
    name: 'a 5 MB file',
    file: 'huge.Dockerfile',
    content: largeDockerfile(5 * MB),
    message: /^: file is 5\.0 MB, over the 1\.0 MB limit for a Dockerfile; raise --max-file-size if it really is one$/,
  },
];

/** The stderr lines about `file`, each starting `dockfix: <file>`. */
function linesAbout(result: CliResult, file: string): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith(`dockfix: ${file}`));
}

describe.each(CASES)('$name', ({ file, content, message }) => {
  test('lint: one clear line naming the file, exit 2, the other file still linted', async () => {
    const cwd = makeProject({ [file]: content, 'good.Dockerfile': NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    expect(result.code).toBe(2);
    const lines = linesAbout(result, file);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]?.slice(`dockfix: ${file}`.length)).toMatch(message);
    // Nothing else on stderr: every line is about the bad file.
    expect(result.stderr.trimEnd().split('\n')).toEqual(lines);
    const good = parseJsonReport(result.stdout).find((entry) => entry.filePath === 'good.Dockerfile');
    expect(good?.messages.length).toBe(5);
  });

  test('fix: the bad file is left byte-for-byte alone, the good one is fixed', async () => {
    const cwd = makeProject({ [file]: content, 'good.Dockerfile': OMIT_DEV_ONLY });
    const result = await runCli(['fix', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(2);
    expect(linesAbout(result, file).length).toBeGreaterThanOrEqual(1);
    expect(readFileSync(path.join(cwd, file)).equals(Buffer.from(content))).toBe(true);
    expect(readFileSync(path.join(cwd, 'good.Dockerfile'), 'utf8')).toContain('--omit=dev');
  });
});

describe('paths that do not work', () => {
  test('a path that does not exist', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, 'missing/Dockerfile', 'Dockerfile'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dockfix: missing/Dockerfile: no such file or directory; check the path\n');
    expect(result.stdout).toMatch(/^Dockerfile$/m);
  });

  test('a directory with no Dockerfiles', async () => {
    const cwd = makeProject({ 'docs/README.md': '# docs\n', 'app/Dockerfile': NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, 'docs', 'app'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dockfix: docs: no Dockerfiles found \(looked for Dockerfile, .+\); name the file to lint it whatever its name\n$/);
    expect(result.stdout).toMatch(/^app\/Dockerfile$/m);
    const empty = await runCli(['lint'], { cwd: makeProject() });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^dockfix: \.: no Dockerfiles found/);
  });

  test('an unreadable file (run as an unprivileged user: root reads anything)', async () => {
    const cwd = makeProject({ 'secret.Dockerfile': NODE_APP, 'open.Dockerfile': NODE_APP });
    shareWithEveryone(cwd);
    chmodSync(path.join(cwd, 'open.Dockerfile'), 0o644);
    chmodSync(path.join(cwd, 'secret.Dockerfile'), 0o000);
    const asUser = unprivileged();
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json'], { cwd, ...(asUser ? { asUser } : {}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dockfix: secret.Dockerfile: permission denied; check the permissions of the file and its directories\n');
    expect(parseJsonReport(result.stdout).map((file) => file.filePath)).toEqual(['open.Dockerfile']);
  });

  test('a file that cannot be written: reported, left as it was, exit 2', async () => {
    const cwd = makeProject({ 'locked/Dockerfile': OMIT_DEV_ONLY, 'open/Dockerfile': OMIT_DEV_ONLY });
    shareWithEveryone(cwd);
    chmodSync(path.join(cwd, 'locked'), 0o555); // no new entries: the atomic write's temp file cannot be created
    chmodSync(path.join(cwd, 'open'), 0o777);
    chmodSync(path.join(cwd, 'open', 'Dockerfile'), 0o666);
    const asUser = unprivileged();
    const result = await runCli(['fix', ...SELECT_KNOWN], { cwd, ...(asUser ? { asUser } : {}) });
    expect(result.code).toBe(2);
    if (asUser) {
      // As another user: the locked file is not writable, and the open one (root's, world-writable) could
      // only be replaced by a file of the other user's, so it is refused too rather than change owners.
      expect(result.stderr).toMatch(/^dockfix: locked\/Dockerfile: cannot write the fixed file: the file is read-only \(mode 0\d{3}\); .+; it was left as it was\n/);
      expect(result.stderr).toMatch(/^dockfix: open\/Dockerfile: cannot write the fixed file: cannot keep the file's owner .+; it was left as it was$/m);
      expect(readFileSync(path.join(cwd, 'open', 'Dockerfile'), 'utf8')).toBe(OMIT_DEV_ONLY);
    } else {
      expect(result.stderr).toMatch(/^dockfix: locked\/Dockerfile: cannot write the fixed file: .+; it was left as it was\n$/);
      expect(readFileSync(path.join(cwd, 'open', 'Dockerfile'), 'utf8')).toContain('--omit=dev');
    }
    expect(readFileSync(path.join(cwd, 'locked', 'Dockerfile'), 'utf8')).toBe(OMIT_DEV_ONLY);
  });
});

describe('--max-file-size', () => {
  test('a raised limit lets a large Dockerfile through', async () => {
    const cwd = makeProject({ 'huge.Dockerfile': largeDockerfile(5 * MB) });
    const refused = await runCli(['lint', ...SELECT_KNOWN], { cwd });
    expect(refused.code).toBe(2);
    const raised = await runCli(['lint', ...SELECT_KNOWN, '--max-file-size', '6mb'], { cwd });
    expect(raised).toEqual({ code: 0, stdout: '', stderr: '' });
    const bytes = await runCli(['lint', ...SELECT_KNOWN, '--max-file-size', String(6 * MB)], { cwd });
    expect(bytes.code).toBe(0);
  });

  test('a lowered limit applies to stdin too', async () => {
    const result = await runCli(['lint', '-', '--max-file-size', '1k'], { cwd: makeProject(), input: largeDockerfile(4096) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dockfix: <stdin>: input is larger than the 1 KB limit for a Dockerfile; raise --max-file-size if it really is one\n');
  });

  test('a bad size is a usage error', async () => {
    const result = await runCli(['lint', '--max-file-size', 'lots'], { cwd: makeProject() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dockfix: --max-file-size: "lots" is not a size; use bytes or a unit, like 5mb or 512k; see `dockfix lint --help`\n$/);
  });
});
