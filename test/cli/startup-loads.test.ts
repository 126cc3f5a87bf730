// What a one-file `dockfix lint` loads: built-ins and packages it does not need cost start-up time
// (each of node:crypto and node:child_process ~3 ms, yaml's ~60 modules ~40 ms of CPU), so they load
// on first use. These fail when a static import brings one back.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanEnv, makeProject } from './run-cli.js';
import { repoRoot } from '../helpers/paths.js';

const LOADER = path.join(repoRoot, 'packages', 'cli', 'bin', 'load-bundle.js');

/** Runs the bundle's main() on `args` in `cwd`; returns Node's built-in modules loaded by the end. */
function builtinsAfter(cwd: string, args: readonly string[]): string[] {
  const probe = `const { loadBundle } = require(${JSON.stringify(LOADER)}); loadBundle().main(${JSON.stringify(args)}).then(() => process.stderr.write(JSON.stringify(process.moduleLoadList)));`;
  const result = spawnSync(process.execPath, ['-e', probe], { cwd, env: cleanEnv({ TMPDIR: cwd }), encoding: 'utf8' });
  expect(result.status).toBe(0);
  return (JSON.parse(result.stderr) as string[]).filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice('NativeModule '.length));
}

describe('a one-file lint', () => {
  test('loads neither node:crypto nor node:child_process', () => {
    const cwd = makeProject({ Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const loaded = builtinsAfter(cwd, ['lint', '--no-config-lookup', '--format', 'json', 'Dockerfile']);
    expect(loaded).toContain('fs');
    expect(loaded.filter((name) => ['crypto', 'child_process'].includes(name))).toEqual([]);
  });

  test('loads no node:fs/promises in a project without a config file', () => {
    // Its asynchronous calls were trips through libuv's thread pool (read-input.ts, discover.ts), and
    // the module itself costs ~1 ms; a config file in the project may still load it (lilconfig).
    const cwd = makeProject({ '.git/HEAD': 'ref: refs/heads/main\n', Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const loaded = builtinsAfter(cwd, ['lint', 'Dockerfile']);
    expect(loaded).toContain('fs');
    expect(loaded.filter((name) => name === 'fs/promises' || name === 'internal/fs/promises')).toEqual([]);
  });

  test('loads no package from node_modules: the bundle has them all', () => {
    // A rule's createRequire(import.meta.url)('@balena/dockerignore') at load escaped the bundle: Node
    // resolved and compiled the package from node_modules on every run (~1 ms).
    const cwd = makeProject({ Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const probe = `const { loadBundle } = require(${JSON.stringify(LOADER)}); loadBundle().main(['lint', 'Dockerfile']).then(() => require('node:fs').writeSync(2, JSON.stringify(Object.keys(require('node:module')._cache))));`;
    const result = spawnSync(process.execPath, ['-e', probe], { cwd, env: cleanEnv({ TMPDIR: cwd }), encoding: 'utf8' });
    const files = JSON.parse(result.stderr) as string[];
    expect(files.some((file) => file.endsWith('load-bundle.js'))).toBe(true);
    expect(files.filter((file) => file.includes(`${path.sep}node_modules${path.sep}`))).toEqual([]);
  });

  test('starts without node:v8: the loader wants it only to write a cache', () => {
    const probe = `require(${JSON.stringify(LOADER)}).loadBundle(); process.stdout.write(String(process.moduleLoadList.includes('NativeModule v8')));`;
    expect(spawnSync(process.execPath, ['-e', probe], { env: cleanEnv(), encoding: 'utf8' }).stdout).toBe('false');
  });

  test('loads node:crypto once it keeps a cache, which hashes files', () => {
    const cwd = makeProject({ Dockerfile: 'FROM alpine:3.20\n' });
    expect(builtinsAfter(cwd, ['lint', '--no-config-lookup', '--cache', '--cache-strategy', 'content', 'Dockerfile'])).toContain('crypto');
  });
});

describe('@dockfix/core', () => {
  const run = (code: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot, env: cleanEnv(), encoding: 'utf8' });

  test('loads yaml only when it parses YAML', () => {
    const dir = makeProject({ '.hadolint.yaml': 'ignored: [DL3002]\n' });
    const code = `import { createRequire } from 'node:module';
const core = await import('@dockfix/core');
const yamlLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/yaml/'));
const before = yamlLoaded();
const settings = core.readHadolintConfig(${JSON.stringify(path.join(dir, '.hadolint.yaml'))}).settings;
process.stdout.write(JSON.stringify({ before, after: yamlLoaded(), settings }));`;
    const result = run(code);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ before: false, after: true, settings: { ignored: ['DL3002'] } });
  });
});
