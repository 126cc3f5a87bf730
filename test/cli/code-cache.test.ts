// The CLI bundle runs with V8's code cache (packages/cli/bin/load-bundle.js): the build's cache must
// be one a fresh Node accepts (V8 stamps a cache with its flags, and the engine's Liftoff-only
// WebAssembly load leaves two flags changed), and a Node that rejects it must get a cache of its
// own, private to the user, that the next run uses.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cleanEnv, makeProject, parseJsonReport, ruleIds } from './run-cli.js';
import { repoRoot } from '../helpers/paths.js';

const BIN_DIR = path.join(repoRoot, 'packages', 'cli', 'bin');
/** Any flag V8 hashes into the stamp makes the build's cache one to reject. */
const OTHER_FLAGS = '--max-old-space-size=301';

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temp dir of its own, so the user cache of one test is not another's. */
function privateTmp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-cache-test-'));
  tmpDirs.push(dir);
  return dir;
}

/** V8's verdict on the cache a fresh process loads the bundle with: false = used, true = rejected, null = none given. */
function cacheVerdict(env: Record<string, string>, options = '{}'): boolean | null {
  const probe = `const { loadBundle } = require(${JSON.stringify(path.join(BIN_DIR, 'load-bundle.js'))}); const { script } = loadBundle(${options}); process.stdout.write(JSON.stringify(script.cachedDataRejected ?? null));`;
  const result = spawnSync(process.execPath, ['-e', probe], { env: cleanEnv({ NODE_OPTIONS: '', ...env }), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as boolean | null;
}

function lintOnce(cwd: string, env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [path.join(BIN_DIR, 'dockfix.js'), 'lint', '--format', 'json', 'Dockerfile'], { cwd, env: cleanEnv(env), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toHaveLength(1);
}

describe('code cache', () => {
  test("a fresh Node accepts the build's cache", () => {
    expect(cacheVerdict({}, '{ userCache: false }')).toBe(false);
  });

  test('a Node that rejects it writes a cache of its own, private, which the next run uses', () => {
    const tmp = privateTmp();
    const env = { NODE_OPTIONS: OTHER_FLAGS, TMPDIR: tmp };
    expect(cacheVerdict(env, '{ userCache: false }')).toBe(true);
    lintOnce(makeProject({ Dockerfile: 'FROM node:20\nRUN npm install\n' }), env);
    const [dir] = readdirSync(tmp).filter((name) => name.startsWith('dockfix-v8-cache-'));
    expect(dir).toBeDefined();
    const cacheDir = path.join(tmp, String(dir));
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    // One per script the run loaded: the bundle and its yargs part (for --format).
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
      expect(statSync(path.join(cacheDir, file)).mode & 0o777).toBe(0o600);
    }
    expect(cacheVerdict(env)).toBe(false);
    // The next run takes both from there, so it writes neither again.
    const written = files.map((file) => statSync(path.join(cacheDir, file)).mtimeMs);
    lintOnce(makeProject({ Dockerfile: 'FROM node:20\nRUN npm install\n' }), env);
    expect(readdirSync(cacheDir)).toEqual(files);
    expect(files.map((file) => statSync(path.join(cacheDir, file)).mtimeMs)).toEqual(written);
  });

  test("a fresh Node accepts the build's cache of every script a run loads, tree-sitter's too", () => {
    // A rejected cache would make the run write one of its own to the temp dir.
    const tmp = privateTmp();
    // `[[ … ]]` is left to tree-sitter by the fast path (test/cli/lazy-shell.test.ts checks such a body).
    const cwd = makeProject({ Dockerfile: 'FROM debian:12\nRUN [[ -f /x ]] && echo a\n' });
    const result = spawnSync(process.execPath, [path.join(BIN_DIR, 'dockfix.js'), 'lint', '--format', 'json', 'Dockerfile'], { cwd, env: cleanEnv({ NODE_OPTIONS: '', TMPDIR: tmp }), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('a run that does not load the engine writes no cache: it would hold none of the engine', () => {
    const tmp = privateTmp();
    const result = spawnSync(process.execPath, [path.join(BIN_DIR, 'dockfix.js'), '--version'], { env: cleanEnv({ NODE_OPTIONS: OTHER_FLAGS, TMPDIR: tmp }), encoding: 'utf8' });
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(readdirSync(tmp).filter((name) => name.startsWith('dockfix-v8-cache-'))).toEqual([]);
  });

  test('a cache file others can write is not used', () => {
    const tmp = privateTmp();
    const env = { NODE_OPTIONS: OTHER_FLAGS, TMPDIR: tmp };
    lintOnce(makeProject({ Dockerfile: 'FROM node:20\n' }), env);
    const cacheDir = path.join(tmp, String(readdirSync(tmp).find((name) => name.startsWith('dockfix-v8-cache-'))));
    for (const file of readdirSync(cacheDir)) chmodSync(path.join(cacheDir, file), 0o666);
    // Skipped, the loader falls back to the build's cache, which these flags reject.
    expect(cacheVerdict(env)).toBe(true);
  });
  test('a JavaScript config and a plugin load when the bundle runs from its code cache', () => {
    // On Node 20 a script compiled from a code cache has no dynamic-import callback of its own: every
    // import() of a user's file failed ("A dynamic import callback was not specified") while the
    // cache was in use. The loader now hands the bundle its own import().
    expect(cacheVerdict({}, '{ userCache: false }')).toBe(false);
    const cwd = makeProject({
      'plugin.mjs': 'export default { name: "mine", rules: { seen: { meta: { id: "seen", category: "x", severity: "info", description: "d", fix: "none", docs: { rationale: "", invalid: [], valid: [] } }, create: (ctx) => ({ FROM: (from) => ctx.report({ node: from, message: "seen" }) }) } } };\n',
      'dockfix.config.mjs': 'export default { plugins: ["./plugin.mjs"], rules: { "mine/seen": "warning" } };\n',
      Dockerfile: 'FROM alpine:3.20\n',
    });
    const result = spawnSync(process.execPath, [path.join(BIN_DIR, 'dockfix.js'), 'lint', '--format', 'json', 'Dockerfile'], { cwd, env: cleanEnv({ TMPDIR: privateTmp() }), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(ruleIds(parseJsonReport(result.stdout)[0])).toContain('mine/seen');
  });
});
