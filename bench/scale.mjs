// Big repositories (issue 9, point 5): `dockfix lint` over the shared corpus copied nine times
// (5,000+ files, at their original paths, so directory search finds them), each run a fresh
// process as CI runs it: cold with one thread (--jobs 1), cold with the default (auto), cold with
// --jobs 2, and warm with --cache after a run that filled it. Checks on the way that every run
// printed the same report. Not a test: it prints a table.
//   node bench/scale.mjs [--copies 9] [--break-even]   (--break-even: --jobs 1 against 2 on small trees)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');
const bin = path.join(repoRoot, 'packages', 'cli', 'bin', 'dockfix.js');
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const copies = Number(option('--copies', '9'));
const TIMEOUT_MS = 300_000;

const rows = readFileSync(path.join(corpusRoot, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));

/** A temp tree with the corpus `times` times over (or its first `limit` files once per copy). */
function makeTree(times, limit = rows.length) {
  const root = mkdtempSync(path.join(tmpdir(), 'dockfix-scale-'));
  let count = 0;
  for (let copy = 1; copy <= times; copy++) {
    const seen = new Set();
    for (const [file, repo, , original] of rows.slice(0, limit)) {
      const target = path.join(root, `copy-${copy}`, repo, original);
      // A few corpus files are older versions of the same path: one copy of the path each.
      if (seen.has(target)) continue;
      seen.add(target);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(corpusRoot, file), target);
      count++;
    }
  }
  return { root, count };
}

// The CPU time of the whole process (every thread), written to fd 3 as it exits: on a shared machine
// the wall time says as much about the other jobs as about dockfix.
const CPU_PROBE = 'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeSync(3,String((u.user+u.system)/1000))})';

/** One run in a fresh process: wall and CPU time, exit code and a hash of what it printed. */
function lint(root, args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', CPU_PROBE, bin, 'lint', '-f', 'json', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw new Error(`dockfix lint ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 1 && result.status !== 2) throw new Error(`dockfix lint ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  const cpuMs = Number(result.output[3]);
  return { ms, cpuMs, code: result.status, digest: createHash('sha256').update(result.stdout).update('\0').update(result.stderr).digest('hex').slice(0, 12) };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg()[0].toFixed(2);

if (process.argv.includes('--break-even')) {
  console.log(`break-even of worker threads: --jobs 1 against --jobs 2, fresh process each; ${availableParallelism()} cores; node ${process.version}`);
  console.log(['files', '--jobs 1', '--jobs 2', 'CPU 1', 'CPU 2', 'load'].map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(12))).join(''));
  for (const limit of [25, 50, 100, 200, 400]) {
    const { root, count } = makeTree(1, limit);
    try {
      lint(root, ['--jobs', '1']);
      const one = lint(root, ['--jobs', '1']);
      const two = lint(root, ['--jobs', '2']);
      if (one.digest !== two.digest) throw new Error(`--jobs 2 printed something else than --jobs 1 on ${count} files`);
      console.log([String(count).padEnd(8), ...[one.ms, two.ms, one.cpuMs, two.cpuMs].map((ms) => seconds(ms).padStart(12)), load().padStart(12)].join(''));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  process.exit(0);
}

const { root, count } = makeTree(copies);
try {
  console.log(`dockfix lint -f json over ${count} files (the corpus × ${copies}); fresh process each; ${availableParallelism()} cores; node ${process.version}`);
  console.log(['run', 'wall', 'CPU (all threads)', 'load (1 min)', 'output'].map((h, i) => (i === 0 ? h.padEnd(34) : h.padStart(i === 2 ? 19 : 14))).join(''));
  const runs = [
    ['cold, --jobs 1 (one thread)', ['--jobs', '1']],
    ['cold, default (--jobs auto)', []],
    ['cold, --jobs 2', ['--jobs', '2']],
    ['cold, --cache (fills it)', ['--cache']],
    ['warm, --cache', ['--cache']],
    ['warm, --cache, 1 file edited', ['--cache'], () => copyFileSync(path.join(corpusRoot, rows[0][0]), path.join(root, 'copy-1', rows[1][1], rows[1][3]))],
  ];
  let reference = null;
  for (const [name, args, before] of runs) {
    before?.();
    const result = lint(root, args);
    // Every run before the edit must print the same report.
    reference ??= result.digest;
    const same = before ? 'edited' : result.digest === reference ? 'same' : `DIFFERENT ${result.digest}`;
    console.log([name.padEnd(34), seconds(result.ms).padStart(14), seconds(result.cpuMs).padStart(19), load().padStart(14), same.padStart(14)].join(''));
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
