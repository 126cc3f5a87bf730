// `dockfix format` end to end: in-place writes, --check, --diff, stdin, --fixes safe, errors.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatDockerfile } from 'prettier-plugin-dockfix';
import { describe, expect, test } from 'vitest';
import { OMIT_DEV_ONLY } from './fixtures.js';
import { makeProject, runCli } from './run-cli.js';

const read = (dir: string, name = 'Dockerfile') => readFileSync(path.join(dir, name), 'utf8');

/** Needs formatting: lower-case keywords, a 2-space continuation, a spaced-out exec array. */
const MESSY = ['from alpine:3.20', 'run apk add --no-cache curl \\', '  && echo done', 'user nobody', 'cmd ["sh",   "-c", "true"]', ''].join('\n');
const TIDY = ['FROM alpine:3.20', 'RUN apk add --no-cache curl \\', '    && echo done', 'USER nobody', 'CMD ["sh", "-c", "true"]', ''].join('\n');

describe('dockfix format', () => {
  test('formats in place (atomically, keeping the mode), leaves formatted files alone, exits 0', async () => {
    const cwd = makeProject({ Dockerfile: MESSY, 'tidy/Dockerfile': TIDY });
    const tidyBefore = statSync(path.join(cwd, 'tidy', 'Dockerfile'));
    const before = statSync(path.join(cwd, 'Dockerfile'));
    const result = await runCli(['format'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '1 file reformatted, 1 unchanged\n' });
    expect(read(cwd)).toBe(TIDY);
    expect(statSync(path.join(cwd, 'Dockerfile')).ino).not.toBe(before.ino);
    expect(statSync(path.join(cwd, 'tidy', 'Dockerfile')).mtimeMs).toBe(tidyBefore.mtimeMs);
    expect(await runCli(['format'], { cwd })).toMatchObject({ code: 0, stdout: '2 files left unchanged\n' });
  });

  test('--check lists what would change and exits 1; writes nothing', async () => {
    const cwd = makeProject({ Dockerfile: MESSY, 'tidy/Dockerfile': TIDY });
    const result = await runCli(['format', '--check'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Would reformat: Dockerfile\n1 file would be reformatted, 1 already formatted\n');
    expect(read(cwd)).toBe(MESSY);
    expect(await runCli(['format', '--check', 'tidy'], { cwd })).toMatchObject({ code: 0, stdout: '1 file already formatted\n' });
  });

  test('--diff prints a unified diff on stdout and the summary on stderr; --check --diff exits 1', async () => {
    const cwd = makeProject({ Dockerfile: MESSY });
    const result = await runCli(['format', '--diff'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(result.stdout).toContain('-from alpine:3.20\n');
    expect(result.stdout).toContain('+FROM alpine:3.20\n');
    expect(result.stderr).toBe('1 file would be reformatted\n');
    expect(read(cwd)).toBe(MESSY);
    expect((await runCli(['format', '--check', '--diff'], { cwd })).code).toBe(1);
  });

  test('stdin: prints the formatted text, and the same text when nothing changes', async () => {
    const cwd = makeProject();
    expect(await runCli(['format', '-'], { cwd, input: MESSY })).toMatchObject({ code: 0, stdout: TIDY, stderr: '' });
    expect(await runCli(['format', '--stdin-filename', 'api.Dockerfile'], { cwd, input: TIDY })).toMatchObject({ code: 0, stdout: TIDY });
    const check = await runCli(['format', '--check', '-', '--stdin-filename', 'api.Dockerfile'], { cwd, input: MESSY });
    expect(check).toMatchObject({ code: 1, stdout: 'Would reformat: api.Dockerfile\n1 file would be reformatted\n' });
  });

  test('formats only by default; --fixes safe applies the safe fixes first, like the Prettier plugin', async () => {
    const cwd = makeProject({ 'Dockerfile': OMIT_DEV_ONLY, '.dockfix.json': '{"select": ["npm-omit-dev", "npm-ci"]}' });
    expect(await runCli(['format', '--check'], { cwd })).toMatchObject({ code: 0 });
    const result = await runCli(['format', '--fixes', 'safe'], { cwd });
    expect(result).toMatchObject({ code: 0, stdout: '1 file reformatted\n' });
    expect(read(cwd)).toBe(OMIT_DEV_ONLY.replace('--only=production', '--omit=dev')); // npm-ci is unsafe: not applied
  });

  test('--fixes safe gives what the Prettier plugin gives on save (dockfixFixes "safe"); the default what it gives with "none"', async () => {
    const messy = `${MESSY}RUN npm install --only=production\nrun apt-get install curl\n`;
    const cwd = makeProject();
    const filepath = path.join(cwd, 'Dockerfile');
    const safe = await runCli(['format', '--fixes', 'safe', '--stdin-filename', 'Dockerfile'], { cwd, input: messy });
    expect(safe.stdout).toBe(await formatDockerfile(messy, { filepath }));
    expect(safe.stdout).toContain('apt-get install -y curl'); // a safe fix was applied
    const plain = await runCli(['format', '--stdin-filename', 'Dockerfile'], { cwd, input: messy });
    expect(plain.stdout).toBe(await formatDockerfile(messy, { filepath, dockfixFixes: 'none' }));
  });

  test('formatting options: --tab-width, --use-tabs, --end-of-line', async () => {
    const cwd = makeProject();
    expect((await runCli(['format', '-', '--tab-width', '2'], { cwd, input: MESSY })).stdout).toContain('\n  && echo done\n');
    expect((await runCli(['format', '-', '--use-tabs'], { cwd, input: MESSY })).stdout).toContain('\n\t&& echo done\n');
    expect((await runCli(['format', '-', '--end-of-line', 'crlf'], { cwd, input: MESSY })).stdout).toBe(TIDY.replace(/\n/g, '\r\n'));
  });

  test('a file the printer cannot prove safe is left as it is, with a one-line warning', async () => {
    const broken = 'FROM alpine:3.20\nRUN <<EOF\necho never ends\n';
    const cwd = makeProject({ Dockerfile: broken });
    const result = await runCli(['format'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^dockfix: Dockerfile: warning: not formatted: [^\n]+\n$/);
    expect(read(cwd)).toBe(broken);
  });

  test('usage, I/O and config errors: one line naming the problem, exit 2', async () => {
    const cwd = makeProject({ Dockerfile: MESSY, 'bad/.dockfix.json': '{"select": [', 'bad/Dockerfile': MESSY });
    const missing = await runCli(['format', 'nope'], { cwd });
    expect(missing).toMatchObject({ code: 2, stderr: 'dockfix: nope: no such file or directory; check the path\n' });
    const usage = await runCli(['format', '--tab-width', '0'], { cwd });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^dockfix: --tab-width must be a whole number from 1 to 16.*see `dockfix format --help`\n$/);
    const config = await runCli(['format'], { cwd: path.join(cwd, 'bad') });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^dockfix: .*\.dockfix\.json: config file is not valid JSON/);
    expect(read(cwd)).toBe(MESSY); // nothing written after a usage error
  });
});

describe('format --fixes safe on merged RUNs', () => {
  test('a chain of RUNs merged after a multi-line RUN lines up at 4 spaces (it once gave the last line 8)', async () => {
    const text = 'FROM node:22-slim\nRUN npm ci && \\\nnpm run build\nRUN npm test\nRUN npm prune --omit=dev\n';
    const cwd = makeProject({ Dockerfile: text });
    const result = await runCli(['format', '--fixes', 'safe', '--stdin-filename', 'Dockerfile'], { cwd, input: text });
    expect(result.stdout).toBe('FROM node:22-slim\nRUN npm ci && npm cache clean --force && \\\n    npm run build && \\\n    npm test && \\\n    npm prune --omit=dev\n');
  });
});
