// The CLI helper that writes the files fixes ask for (missing-dockerignore's .dockerignore), and the
// engine side it relies on: `fix` lists the file only with `unsafe: true`, and never touches the disk.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fix, lint } from 'dockfix';
import { afterEach, describe, expect, test } from 'vitest';
import { createRequestedFiles } from '../packages/cli/dist/create-files.js';

const DOCKERFILE = 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n';
const dirs: string[] = [];

function project(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-create-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.git'));
  const file = path.join(dir, 'Dockerfile');
  writeFileSync(file, DOCKERFILE);
  return { dir, file };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('missing-dockerignore through fix()', () => {
  test('lint reports it with the file to create', () => {
    const { dir, file } = project();
    const d = lint(DOCKERFILE, { filePath: file }).diagnostics.find((x) => x.ruleId === 'missing-dockerignore');
    expect(d?.createFile?.path).toBe(path.join(dir, '.dockerignore'));
    expect(d?.createFile?.safety).toBe('unsafe');
    expect(d?.createFile?.text).toContain('node_modules');
  });

  test('fix lists the file only with unsafe, counts it as unsafe-fixable otherwise, and writes nothing', () => {
    const { dir, file } = project();
    const safe = fix(DOCKERFILE, { filePath: file });
    expect(safe.createFiles).toEqual([]);
    expect(safe.unsafeFixable).toBeGreaterThan(0);
    const unsafe = fix(DOCKERFILE, { filePath: file, unsafe: true });
    expect(unsafe.createFiles.map((f) => f.path)).toEqual([path.join(dir, '.dockerignore')]);
    expect(existsSync(path.join(dir, '.dockerignore'))).toBe(false);
  });

  test('a Dockerfile with another name gets <name>.dockerignore beside it, the file BuildKit reads for it (W8)', () => {
    const { dir } = project();
    mkdirSync(path.join(dir, 'hack', 'dockerfiles'), { recursive: true });
    const file = path.join(dir, 'hack', 'dockerfiles', 'app.Dockerfile');
    writeFileSync(file, DOCKERFILE);
    const d = lint(DOCKERFILE, { filePath: file }).diagnostics.find((x) => x.ruleId === 'missing-dockerignore');
    expect(d?.createFile?.path).toBe(path.join(dir, 'hack', 'dockerfiles', 'app.Dockerfile.dockerignore'));
  });

  test('without a file on disk (stdin, library use) the rule stays silent', () => {
    expect(lint(DOCKERFILE).diagnostics.some((d) => d.ruleId === 'missing-dockerignore')).toBe(false);
  });
});

describe('createRequestedFiles', () => {
  test('creates the file, then reports it as existing and never overwrites it', async () => {
    const { dir, file } = project();
    const { createFiles } = fix(DOCKERFILE, { filePath: file, unsafe: true });
    expect(await createRequestedFiles(createFiles, { dryRun: true })).toMatchObject([{ outcome: 'would-create' }]);
    expect(existsSync(path.join(dir, '.dockerignore'))).toBe(false);
    expect(await createRequestedFiles(createFiles, { dryRun: false })).toMatchObject([{ outcome: 'created' }]);
    const written = readFileSync(path.join(dir, '.dockerignore'), 'utf8');
    expect(written).toBe(createFiles[0]?.text);
    writeFileSync(path.join(dir, '.dockerignore'), 'mine\n');
    expect(await createRequestedFiles(createFiles, { dryRun: false })).toMatchObject([{ outcome: 'exists' }]);
    expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe('mine\n');
    // Once it exists, the rule is satisfied.
    expect(lint(DOCKERFILE, { filePath: file }).diagnostics.some((d) => d.ruleId === 'missing-dockerignore')).toBe(false);
  });

  test('reports a file it cannot write', async () => {
    const outcomes = await createRequestedFiles([{ path: '/nonexistent-dir/x/.dockerignore', text: '', title: 't', safety: 'unsafe' }], { dryRun: false });
    expect(outcomes[0]?.outcome).toBe('failed');
  });
});
