// findConfigFile answers "no config anywhere" itself, with synchronous existence checks, and leaves
// every other case to lilconfig's search: the answers must be the ones that search gives.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearConfigCaches, findConfigFile } from '@dockfix/core';
import { afterAll, describe, expect, test } from 'vitest';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A repository (it has .git, where the search stops) with `files`, and its sub/dir directory. */
function repo(files: Readonly<Record<string, string>>): { root: string; nested: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'dockfix-find-config-'));
  dirs.push(root);
  mkdirSync(path.join(root, '.git'));
  const nested = path.join(root, 'sub', 'dir');
  mkdirSync(nested, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  clearConfigCaches();
  return { root, nested };
}

describe('findConfigFile', () => {
  test('finds nothing when no candidate exists up to the repository root', async () => {
    const { nested } = repo({});
    expect(await findConfigFile(nested)).toBeNull();
  });

  test('finds a config in a parent directory', async () => {
    const { root, nested } = repo({ 'sub/.dockfix.json': '{}\n' });
    expect(await findConfigFile(nested)).toBe(path.join(root, 'sub', '.dockfix.json'));
  });

  test('does not look above the repository root', async () => {
    const outer = mkdtempSync(path.join(tmpdir(), 'dockfix-find-config-outer-'));
    dirs.push(outer);
    writeFileSync(path.join(outer, '.dockfix.json'), '{}\n');
    const root = path.join(outer, 'project');
    mkdirSync(path.join(root, '.git'), { recursive: true });
    clearConfigCaches();
    expect(await findConfigFile(root)).toBeNull();
  });

  test('a package.json counts only with a "dockfix" key', async () => {
    const without = repo({ 'package.json': '{ "name": "x" }\n' });
    expect(await findConfigFile(without.nested)).toBeNull();
    const withKey = repo({ 'package.json': '{ "name": "x", "dockfix": { "rules": {} } }\n' });
    expect(await findConfigFile(withKey.nested)).toBe(path.join(withKey.root, 'package.json'));
  });

  test('skips an empty config file, as lilconfig does', async () => {
    const { nested } = repo({ '.dockfixrc': '' });
    expect(await findConfigFile(nested)).toBeNull();
  });
});
