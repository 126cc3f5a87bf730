// Big repositories (issue 9, point 5): worker threads (--jobs) and the result cache (--cache), on
// the built CLI. Which files a run really checked is observed through a plugin rule that appends
// the path of every file it is run on to a log: a cached file leaves no line.
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusRoot } from '../helpers/paths.js';
import { makeProject, runCli, writeProjectFile, type CliResult } from './run-cli.js';

/**
 * The spy plugin: `spy/seen` logs each file it runs on, and on which thread (to $DOCKFIX_SPY_LOG), and reports nothing;
 * a file containing SPY-THROW makes it throw (a rule bug), one containing SPY-EXIT ends the thread
 * it runs on (what a plugin calling process.exit, or an out-of-memory abort, does to a worker).
 */
const SPY_PLUGIN = [
  'import { appendFileSync } from "node:fs";',
  'import { isMainThread } from "node:worker_threads";',
  'export default {',
  '  name: "spy",',
  '  rules: {',
  '    seen: {',
  '      meta: { id: "seen", category: "spy", severity: "info", description: "logs the files it sees", fix: "none", docs: { rationale: "", invalid: [], valid: [] } },',
  '      create(ctx) {',
  '        appendFileSync(process.env.DOCKFIX_SPY_LOG, `${ctx.filePath}\\t${isMainThread ? "main" : "worker"}\\n`);',
  '        if (ctx.source.text.includes("SPY-THROW")) throw new Error("spy rule blew up");',
  '        if (ctx.source.text.includes("SPY-EXIT")) process.exit(7);',
  '        return {};',
  '      },',
  '    },',
  '  },',
  '};',
  '',
].join('\n');

const SPY_CONFIG = JSON.stringify({ plugins: ['./spy-plugin.mjs'], rules: { 'spy/seen': 'info' } });

const NODE_APP = ['FROM node:20-alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install', 'RUN node build.js', 'COPY . .', 'CMD ["node", "server.js"]', ''].join('\n');
/** A production install, then a build that needs devDependencies: build-without-dev-deps reads the package.json beside it. */
const PROD_BUILD = ['FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci --omit=dev', 'RUN npm run build', 'CMD ["node", "dist/server.js"]', ''].join('\n');
const CLEAN = ['FROM alpine:3.20', 'RUN apk add --no-cache curl', 'USER nobody', 'CMD ["sh"]', ''].join('\n');

/** A project with the spy plugin at its root and `files`; the spy log is `spy.log` in it. */
function spyProject(files: Readonly<Record<string, string | Uint8Array>>): string {
  return makeProject({ 'spy-plugin.mjs': SPY_PLUGIN, '.dockfix.json': SPY_CONFIG, ...files });
}

/** Runs the CLI in a spy project; `seen` lists the files the spy rule ran on (sorted), `threads` where ("main", "worker"). */
async function run(cwd: string, args: readonly string[]): Promise<CliResult & { seen: string[]; threads: string[] }> {
  const log = path.join(cwd, 'spy.log');
  writeFileSync(log, '');
  const result = await runCli(args, { cwd, env: { DOCKFIX_SPY_LOG: log } });
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t'));
  const seen = lines.map(([file]) => file ?? '').sort();
  const threads = [...new Set(lines.map(([, thread]) => thread ?? ''))].sort();
  return { ...result, seen, threads };
}

/** Everything a run showed: exit code, stdout, stderr. */
const shown = (result: CliResult) => ({ code: result.code, stdout: result.stdout, stderr: result.stderr });

/** About 50 real Dockerfiles from the corpus at their original paths, plus the spy plugin. */
function corpusProject(extra: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const rows = readFileSync(path.join(corpusRoot, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const files: Record<string, Uint8Array> = {};
  rows.forEach(([file, repo, , original], i) => {
    // Every 12th file, and the one with a heredoc dockfix cannot parse (a fatal result).
    if (!file || !repo || !original || (i % 12 !== 0 && !file.includes('heredoc'))) return;
    files[path.join(repo, original)] = readFileSync(path.join(corpusRoot, file));
  });
  return spyProject({ ...files, ...extra });
}

describe('--cache', { timeout: 120_000 }, () => {
  test('a warm run reports exactly what the cold run did (stylish, json, sarif, gitlab) and checks nothing again', async () => {
    const cwd = spyProject({ 'api/Dockerfile': NODE_APP, 'web/Dockerfile': CLEAN, 'web/Dockerfile.dev': NODE_APP.replace('node:20', 'node:22') });
    const args = ['lint', '--cache', '--verbose', '-f', 'stylish', '-f', 'json:out.json', '-f', 'sarif:out.sarif', '-f', 'gitlab:out.gitlab.json'];
    const reports = () => ['out.json', 'out.sarif', 'out.gitlab.json'].map((name) => readFileSync(path.join(cwd, name), 'utf8'));
    const uncached = await run(cwd, args.filter((arg) => arg !== '--cache'));
    const expected = reports();
    expect(uncached.code).toBe(1);
    expect(uncached.stdout).toContain('npm-ci');

    const cold = await run(cwd, args);
    expect(cold.seen).toEqual(['api/Dockerfile', 'web/Dockerfile', 'web/Dockerfile.dev']);
    expect(existsSync(path.join(cwd, '.dockfixcache'))).toBe(true);
    expect(shown(cold)).toEqual(shown(uncached));
    expect(reports()).toEqual(expected);

    const warm = await run(cwd, args);
    expect(warm.seen).toEqual([]);
    expect(shown(warm)).toEqual(shown(uncached));
    expect(reports()).toEqual(expected);
    // Without --cache the cache is neither read nor written.
    const before = statSync(path.join(cwd, '.dockfixcache')).mtimeMs;
    expect((await run(cwd, ['lint'])).seen).toHaveLength(3);
    expect(statSync(path.join(cwd, '.dockfixcache')).mtimeMs).toBe(before);
  });

  test('an edited file is checked again, and only it; a touched one too with metadata, not with --cache-strategy content', async () => {
    const cwd = spyProject({ 'a/Dockerfile': NODE_APP, 'b/Dockerfile': CLEAN, 'c/Dockerfile': CLEAN });
    await run(cwd, ['lint', '--cache']);
    writeProjectFile(cwd, 'b/Dockerfile', NODE_APP);
    const edited = await run(cwd, ['lint', '--cache', '-f', 'json']);
    expect(edited.seen).toEqual(['b/Dockerfile']);
    const byFile = Object.fromEntries((JSON.parse(edited.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).map((f) => [f.filePath, f.messages.map((m) => m.ruleId)]));
    expect(byFile[path.join('b', 'Dockerfile')]).toContain('npm-ci');
    expect(byFile[path.join('b', 'Dockerfile')]).toEqual(byFile[path.join('a', 'Dockerfile')]);

    // Same content, new mtime (a checkout, `touch`): metadata checks it again, content does not.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(cwd, 'c', 'Dockerfile'), later, later);
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual(['c/Dockerfile']);
    await run(cwd, ['lint', '--cache', '--cache-strategy', 'content']);
    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(path.join(cwd, 'c', 'Dockerfile'), evenLater, evenLater);
    expect((await run(cwd, ['lint', '--cache', '--cache-strategy', 'content'])).seen).toEqual([]);
  });

  test('a changed config of one directory re-checks only the files it applies to', async () => {
    const cwd = spyProject({
      'services/api/Dockerfile': NODE_APP,
      'services/api/worker/Dockerfile': NODE_APP,
      'services/web/Dockerfile': NODE_APP,
      'services/api/.dockfix.json': JSON.stringify({ extends: ['../../.dockfix.json'] }),
    });
    const cold = await run(cwd, ['lint', '--cache']);
    expect(cold.seen).toHaveLength(3);
    writeProjectFile(cwd, 'services/api/.dockfix.json', JSON.stringify({ extends: ['../../.dockfix.json'], ignore: ['npm-ci'] }));
    const changed = await run(cwd, ['lint', '--cache']);
    expect(changed.seen).toEqual(['services/api/Dockerfile', 'services/api/worker/Dockerfile']);
    expect(changed.stdout.split('\n').filter((line) => line.includes('npm-ci'))).toHaveLength(1);
    // Editing a config in a way that changes nothing it resolves to re-checks nothing.
    writeProjectFile(cwd, 'services/api/.dockfix.json', JSON.stringify({ ignore: ['npm-ci'], extends: ['../../.dockfix.json'] }, null, 2));
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual([]);
  });

  test('a flag that changes results (--ignore, --error, --select, --max-file-size) re-checks every file; one that does not (--quiet, -f) re-checks none', async () => {
    const cwd = spyProject({ 'a/Dockerfile': NODE_APP, 'b/Dockerfile': CLEAN });
    await run(cwd, ['lint', '--cache']);
    for (const flags of [['--ignore', 'npm-ci'], ['--error', 'DL3059'], ['--extend-select', 'ALL'], ['--max-file-size', '512k']]) {
      expect((await run(cwd, ['lint', '--cache', ...flags])).seen, flags.join(' ')).toEqual(['a/Dockerfile', 'b/Dockerfile']);
    }
    // Each of those results is kept too, beside the plain run's.
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual([]);
    expect((await run(cwd, ['lint', '--cache', '--quiet', '-f', 'json'])).seen).toEqual([]);
    const raised = await run(cwd, ['lint', '--cache', '--error', 'DL3059', '-f', 'json']);
    expect(raised.seen).toEqual([]);
    expect(raised.stdout).toMatch(/"ruleId":"merge-run","aliases":\["DL3059"\],"severity":"error"/);
  });

  test('a .dockerignore or package.json beside a Dockerfile, which rules read, invalidates its result', async () => {
    const cwd = spyProject({ 'app/Dockerfile': PROD_BUILD, 'other/Dockerfile': PROD_BUILD });
    const rulesOf = (stdout: string, file: string) => (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string }[] }[]).find((f) => f.filePath === file)?.messages.map((m) => m.ruleId);
    const cold = await run(cwd, ['lint', '--cache', '-f', 'json']);
    expect(rulesOf(cold.stdout, path.join('app', 'Dockerfile'))).toEqual(expect.arrayContaining(['missing-dockerignore', 'build-without-dev-deps']));
    writeProjectFile(cwd, 'app/.dockerignore', 'node_modules\n');
    const after = await run(cwd, ['lint', '--cache', '-f', 'json']);
    expect(after.seen).toEqual(['app/Dockerfile']);
    expect(rulesOf(after.stdout, path.join('app', 'Dockerfile'))).not.toContain('missing-dockerignore');
    expect(rulesOf(after.stdout, path.join('other', 'Dockerfile'))).toContain('missing-dockerignore');
    // No devDependencies: the build needs none, so the rule has nothing to say any more.
    writeProjectFile(cwd, 'app/package.json', '{"dependencies": {}}');
    const manifest = await run(cwd, ['lint', '--cache', '-f', 'json']);
    expect(manifest.seen).toEqual(['app/Dockerfile']);
    expect(rulesOf(manifest.stdout, path.join('app', 'Dockerfile'))).not.toContain('build-without-dev-deps');
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual([]);
  });

  test('a corrupt or truncated cache is rebuilt with the right results; a file that is not a cache is left alone', async () => {
    const cwd = spyProject({ 'a/Dockerfile': NODE_APP, 'b/Dockerfile': CLEAN });
    const expected = shown(await run(cwd, ['lint']));
    const cache = path.join(cwd, '.dockfixcache');
    await run(cwd, ['lint', '--cache']);
    const good = readFileSync(cache, 'utf8');
    const corruptions = [
      good.slice(0, Math.floor(good.length / 2)),
      '',
      good.replace(/"sha256":"[0-9a-f]+"/, '"sha256":7'),
      good.replace('"results":[', '"results":[{"key":1},'),
      // Written by another version of dockfix: its results may differ from this one's.
      good.replace(/"engine":"[^"]*"/, '"engine":"dockfix@0.0.1 @dockfix/rules@0.0.1"'),
    ];
    expect(new Set(corruptions).size).toBe(corruptions.length);
    expect(corruptions).not.toContain(good);
    for (const corrupt of corruptions) {
      writeFileSync(cache, corrupt);
      const result = await run(cwd, ['lint', '--cache']);
      expect(shown(result)).toEqual(expected);
      expect(result.seen).toEqual(['a/Dockerfile', 'b/Dockerfile']);
      expect((await run(cwd, ['lint', '--cache'])).seen).toEqual([]);
    }
    // Not ours (a --cache-location typo pointing at a real file): used for nothing, never overwritten.
    writeProjectFile(cwd, 'notes.txt', 'my notes\n');
    const foreign = await run(cwd, ['lint', '--cache', '--cache-location', 'notes.txt']);
    expect(foreign.code).toBe(expected.code);
    expect(foreign.stdout).toBe(expected.stdout);
    expect(foreign.stderr).toMatch(/warning: .*notes\.txt is not a dockfix cache, so --cache does not use or overwrite it/);
    expect(readFileSync(path.join(cwd, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });

  test('--cache-location takes a file or a directory; entries of deleted files are dropped; unreadable files are not cached', async () => {
    const cwd = spyProject({ 'a/Dockerfile': NODE_APP, 'b/Dockerfile': CLEAN, 'c/Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0xff, 0xfe]) });
    writeProjectFile(cwd, 'cache-dir/.keep', '');
    const first = await run(cwd, ['lint', '--cache', '--cache-location', 'cache-dir']);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(path.join('c', 'Dockerfile'));
    const stored = () => Object.keys((JSON.parse(readFileSync(path.join(cwd, 'cache-dir', '.dockfixcache'), 'utf8')) as { files: object }).files).sort();
    // Paths relative to the cache file, so a restored CI cache works in another checkout directory.
    expect(stored()).toEqual([path.join('..', 'a', 'Dockerfile'), path.join('..', 'b', 'Dockerfile')]);
    rmSync(path.join(cwd, 'b'), { recursive: true });
    // A run over part of the tree keeps the rest, but drops what no longer exists.
    expect((await run(cwd, ['lint', '--cache', '--cache-location', 'cache-dir/', 'c'])).code).toBe(2);
    expect(stored()).toEqual([path.join('..', 'a', 'Dockerfile')]);

    await run(cwd, ['lint', '--cache', '--cache-location', 'custom/place.json', 'a']);
    expect(existsSync(path.join(cwd, 'custom', 'place.json'))).toBe(true);
  });

  test('three runs sharing one cache at once all report correctly and leave a whole cache', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`s${i}/Dockerfile`] = i % 2 === 0 ? NODE_APP : CLEAN;
    const cwd = spyProject(files);
    const expected = shown(await run(cwd, ['lint']));
    const log = path.join(cwd, 'spy.log');
    const env = { DOCKFIX_SPY_LOG: log };
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([runCli(['lint', '--cache'], { cwd, env }), runCli(['lint', '--cache', '--jobs', '2'], { cwd, env }), runCli(['lint', '--cache'], { cwd, env })]);
      for (const result of results) expect(shown(result)).toEqual(expected);
      const data = JSON.parse(readFileSync(path.join(cwd, '.dockfixcache'), 'utf8')) as { files: object };
      expect(Object.keys(data.files)).toHaveLength(30);
    }
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual([]);
  });

  test('fix caches only "nothing to fix": a fixed file is checked again next time, a clean one is not', async () => {
    const cwd = spyProject({ 'a/Dockerfile': 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\nUSER nobody\n', 'b/Dockerfile': CLEAN });
    const first = await run(cwd, ['fix', '--cache']);
    expect(first.seen).toContain('a/Dockerfile');
    expect(readFileSync(path.join(cwd, 'a', 'Dockerfile'), 'utf8')).toContain('curl && \\\n    apk add --no-cache git');
    const second = await run(cwd, ['fix', '--cache']);
    // a/Dockerfile was rewritten: checked again (once, nothing more to fix); b/ comes from the cache.
    expect(second.seen).toEqual(['a/Dockerfile']);
    const third = await run(cwd, ['fix', '--cache']);
    expect(third.seen).toEqual([]);
    expect(shown(third)).toEqual(shown(second));
    // lint keeps its own results: the fix results do not answer it.
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual(['a/Dockerfile', 'b/Dockerfile']);
    // --unsafe may find more to do: its own results.
    expect((await run(cwd, ['fix', '--cache', '--unsafe', '--diff'])).seen).toHaveLength(2);
  });

  test('a changed plugin re-checks every file it applies to', async () => {
    const cwd = spyProject({ 'a/Dockerfile': CLEAN, 'b/Dockerfile': CLEAN });
    await run(cwd, ['lint', '--cache']);
    appendFileSync(path.join(cwd, 'spy-plugin.mjs'), '// a new version\n');
    expect((await run(cwd, ['lint', '--cache'])).seen).toEqual(['a/Dockerfile', 'b/Dockerfile']);
  });
});

describe('--jobs', { timeout: 120_000 }, () => {
  test('2 worker threads print byte for byte what 1 thread does, on ~50 files with problems, fatal and unreadable files', { timeout: 300_000 }, async () => {
    const cwd = corpusProject({ 'broken/Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0xff]) });
    for (const extra of [[], ['-f', 'json'], ['-f', 'sarif', '--verbose']]) {
      const one = await run(cwd, ['lint', '--jobs', '1', ...extra]);
      const two = await run(cwd, ['lint', '--jobs', '2', ...extra]);
      expect(one.seen.length).toBeGreaterThan(45);
      expect(two.seen).toEqual(one.seen);
      expect(one.threads).toEqual(['main']);
      expect(two.threads).toEqual(['worker']);
      expect(shown(two)).toEqual(shown(one));
      expect(one.code).toBe(2);
      expect(one.stderr).toContain('broken');
      expect(one.stderr).toContain('heredoc');
    }
    const fixOne = await run(cwd, ['fix', '--diff', '--jobs', '1']);
    const fixTwo = await run(cwd, ['fix', '--diff', '--concurrency', '2']);
    expect(fixOne.stdout).toContain('+++ ');
    expect(shown(fixTwo)).toEqual(shown(fixOne));
    // With the cache: a warm run with workers answers the same.
    await run(cwd, ['lint', '--cache', '-j', '2']);
    const warm = await run(cwd, ['lint', '--cache', '-j', '2']);
    expect(warm.seen).toEqual([]);
    expect(shown(warm)).toEqual(shown(await run(cwd, ['lint', '--jobs', '1'])));
  });

  test('fix with workers writes the same files as without', async () => {
    const files = { 'a/Dockerfile': NODE_APP, 'b/Dockerfile': 'FROM alpine:3.20\nRUN apk add curl\nRUN apk add git\n', 'c/Dockerfile': CLEAN };
    const serial = spyProject(files);
    const parallel = spyProject(files);
    const one = await run(serial, ['fix', '--unsafe', '--jobs', '1']);
    const two = await run(parallel, ['fix', '--unsafe', '--jobs', '2']);
    expect(shown(two)).toEqual(shown(one));
    for (const name of Object.keys(files)) expect(readFileSync(path.join(parallel, name), 'utf8'), name).toBe(readFileSync(path.join(serial, name), 'utf8'));
    expect(readFileSync(path.join(parallel, 'a', 'Dockerfile'), 'utf8')).toContain('npm ci');
  });

  test('a rule that throws in a worker is an internal error naming the file, as in the main thread; the other files are reported', async () => {
    const cwd = spyProject({ 'a/Dockerfile': NODE_APP, 'b/Dockerfile': `${CLEAN}# SPY-THROW\n`, 'c/Dockerfile': CLEAN });
    const one = await run(cwd, ['lint', '--jobs', '1']);
    const two = await run(cwd, ['lint', '--jobs', '2']);
    expect(shown(two)).toEqual(shown(one));
    expect(two.threads).toEqual(['worker']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^dockfix: b\/Dockerfile: internal error: spy rule blew up; this is a dockfix bug/m);
    expect(two.stdout).toContain('a/Dockerfile');
  });

  test('a worker thread that dies is a clear error naming the file, exit 2; every other file is still checked', async () => {
    const files: Record<string, string> = { 'm/Dockerfile': `${CLEAN}# SPY-EXIT\n` };
    for (let i = 0; i < 8; i++) files[`s${i}/Dockerfile`] = NODE_APP;
    const cwd = spyProject(files);
    const result = await run(cwd, ['lint', '--jobs', '2', '--cache', '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dockfix: m\/Dockerfile: the worker thread checking this file crashed \(the worker thread exited with code 7\); no result for it; run with --jobs 1/m);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const reported = (JSON.parse(result.stdout) as { filePath: string }[]).map((file) => file.filePath);
    expect(reported).toHaveLength(8);
    expect(reported).not.toContain(path.join('m', 'Dockerfile'));
    // Not cached: the next run tries it again.
    expect((await run(cwd, ['lint', '--jobs', '2', '--cache'])).seen).toContain('m/Dockerfile');
  });

  test('--jobs takes auto, off or a number; anything else is a usage error', async () => {
    const cwd = spyProject({ Dockerfile: CLEAN });
    const serial = shown(await run(cwd, ['lint']));
    for (const value of ['auto', 'off', '1', '3']) {
      const result = await run(cwd, ['lint', '--jobs', value]);
      expect(shown(result), value).toEqual(serial);
      // One file: never worth a thread, whatever was asked.
      expect(result.threads, value).toEqual(['main']);
    }
    for (const value of ['0', 'two', '-1', '1.5']) {
      const result = await run(cwd, ['lint', `--jobs=${value}`]);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toMatch(/--jobs must be auto or a whole number of threads from 1 to 256/);
    }
    const negated = await run(cwd, ['lint', '--no-jobs']);
    expect(negated.code).toBe(2);
    expect(negated.stderr).toContain('--no-jobs is not an option');
  });
});
