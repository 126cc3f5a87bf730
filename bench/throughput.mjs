// Throughput of dockfix over the shared corpus, all measured in one run so the numbers compare:
// the bare dockerfile-ast parse, lint (default rules, all rules), fix (safe, unsafe), then the
// CLI's wall time on one small file and the one-time cost of importing the engine.
// Not a test: it prints numbers and asserts nothing. Run with `npm run bench` from the repo root.
//
// Environment: BENCH_ITERATIONS (timed rounds, default 5), BENCH_CLI_RUNS (default 20).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { createLinter, decodeDockerfile } from '@dockfix/core';
import { fix, lint } from 'dockfix';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');
const iterations = positiveInt(process.env.BENCH_ITERATIONS, 5);
const cliRuns = positiveInt(process.env.BENCH_CLI_RUNS, 20);
const ALL = { select: ['ALL'] };

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function listCorpus(root) {
  if (!existsSync(root)) {
    console.error(`bench: the corpus is missing at ${root} (expected shared/corpus beside the repository)`);
    process.exit(2);
  }
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(dir === root && ['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv'].includes(name))) files.push(full);
    }
  };
  walk(root);
  return files;
}

function loadCorpus() {
  const texts = [];
  let bytes = 0;
  let skipped = 0;
  for (const file of listCorpus(corpusRoot)) {
    const raw = readFileSync(file);
    try {
      texts.push(decodeDockerfile(raw));
      bytes += raw.length;
    } catch {
      skipped++;
    }
  }
  return { texts, bytes, skipped };
}

/** Wall time in ms of one pass of `work` over every text. */
function timeRound(texts, work) {
  const start = performance.now();
  for (const text of texts) work(text);
  return performance.now() - start;
}

function quantile(sorted, q) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

/** Wall times in ms of `runs` spawns of node with `args`, sorted. */
function spawnTimes(args, runs, options = {}) {
  const times = [];
  let failure = null;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', ...options });
    times.push(performance.now() - start);
    if (result.error || (result.status !== 0 && result.status !== 1)) {
      failure = `exit ${result.status ?? result.error?.message}: ${(result.stderr || result.stdout || '').trim().split('\n')[0]}`;
    }
  }
  return { times: times.sort((a, b) => a - b), failure };
}

function pad(value, width, right = false) {
  const text = String(value);
  return right ? text.padEnd(width) : text.padStart(width);
}

const { texts, bytes, skipped } = loadCorpus();
const megabytes = bytes / 1024 / 1024;
const noRules = createLinter({ rules: [] });

const scenarios = [
  ['dockerfile-ast parse (bare)', (text) => DockerfileParser.parse(text)],
  ['source model only (0 rules)', (text) => noRules.lint(text)],
  ['lint, default rules', (text) => lint(text)],
  ['lint, ALL rules', (text) => lint(text, { config: ALL })],
  ['fix (safe), default rules', (text) => fix(text)],
  ['fix --unsafe, default rules', (text) => fix(text, { unsafe: true })],
  ['fix --unsafe, ALL rules', (text) => fix(text, { unsafe: true, config: ALL })],
];

console.log(
  `dockfix throughput: ${texts.length} corpus files, ${megabytes.toFixed(2)} MB` +
    `${skipped ? ` (${skipped} undecodable skipped)` : ''}; 1 warm-up + ${iterations} timed rounds each, median; node ${process.version}\n`,
);
const header = `${pad('scenario', 30, true)} ${pad('files/s', 9)} ${pad('MB/s', 7)} ${pad('ms/file', 8)} ${pad('x parse', 8)}`;
console.log(header);
console.log('-'.repeat(header.length));
// Round-robin: every round runs every scenario once, so JIT warm-up and background load hit them
// alike; each scenario's number is the median of its rounds.
for (const [, work] of scenarios) timeRound(texts, work);
const rounds = scenarios.map(() => []);
for (let i = 0; i < iterations; i++) scenarios.forEach(([, work], s) => rounds[s].push(timeRound(texts, work)));
const medians = rounds.map((times) => quantile([...times].sort((a, b) => a - b), 0.5));
const parseMs = medians[0];
scenarios.forEach(([name], s) => {
  const ms = medians[s];
  const seconds = ms / 1000;
  console.log(
    `${pad(name, 30, true)} ${pad((texts.length / seconds).toFixed(0), 9)} ${pad((megabytes / seconds).toFixed(2), 7)} ${pad(
      (ms / texts.length).toFixed(3),
      8,
    )} ${pad((ms / parseMs).toFixed(1), 8)}`,
  );
});

// Process-level costs: a fresh process each time, so module loading and the tree-sitter WASM init count.
console.log('');
const startupRuns = Math.max(5, Math.ceil(cliRuns / 2));
const importProbe = (specifier) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
const inProcess = (specifier) => {
  const times = [];
  for (let i = 0; i < startupRuns; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', importProbe(specifier)], { cwd: repoRoot, encoding: 'utf8' });
    const value = Number(result.stdout.trim());
    if (result.status === 0 && Number.isFinite(value)) times.push(value);
  }
  return times.sort((a, b) => a - b);
};
const treeSitterProbe = [
  "import { createRequire } from 'node:module';",
  "const require = createRequire(process.cwd() + '/packages/core/package.json');",
  'const t = performance.now();',
  "const { Parser, Language } = await import('web-tree-sitter');",
  'await Parser.init();',
  "await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));",
  'console.log(performance.now() - t);',
].join('\n');
const treeSitter = [];
for (let i = 0; i < startupRuns; i++) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', treeSitterProbe], { cwd: repoRoot, encoding: 'utf8' });
  const value = Number(result.stdout.trim());
  if (result.status === 0 && Number.isFinite(value)) treeSitter.push(value);
}
treeSitter.sort((a, b) => a - b);

const startupRows = [
  ['web-tree-sitter init + bash grammar', treeSitter],
  ["import('@dockfix/core')", inProcess('@dockfix/core')],
  ["import('dockfix') (engine + rules)", inProcess('dockfix')],
];
console.log(`one-time costs in a fresh process (median of ${startupRuns}):`);
for (const [name, times] of startupRows) {
  console.log(`  ${pad(name, 38, true)} ${times.length ? `${quantile(times, 0.5).toFixed(1)} ms` : 'failed to measure'}`);
}

// The CLI on one small file: what a pre-commit hook or an editor pays per invocation.
console.log('');
const bin = path.join(repoRoot, 'packages', 'cli', 'bin', 'dockfix.js');
if (!existsSync(bin)) {
  console.log(`CLI wall time: skipped, ${path.relative(repoRoot, bin)} does not exist (build the CLI first)`);
} else {
  let target = path.join(repoRoot, 'examples', 'good', 'Dockerfile');
  let tempDir = null;
  if (!existsSync(target)) {
    tempDir = mkdtempSync(path.join(tmpdir(), 'dockfix-bench-'));
    target = path.join(tempDir, 'Dockerfile');
    writeFileSync(target, 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n');
  }
  const baseline = spawnTimes(['-e', ''], Math.max(5, Math.ceil(cliRuns / 2)));
  const cli = spawnTimes([bin, 'lint', target], cliRuns);
  // The same work through the library in a one-shot process with V8's default flags: the CLI turns
  // off WebAssembly tier-up (TurboFan recompiling tree-sitter's lexer in the background, which the
  // process waits for at exit); a short-lived library user pays that unless it does the same.
  const oneShot = `import { readFileSync } from 'node:fs'; import { lint } from 'dockfix'; lint(readFileSync(${JSON.stringify(target)}, 'utf8'));`;
  const library = spawnTimes(['--input-type=module', '-e', oneShot], cliRuns);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  const label = path.relative(repoRoot, target).startsWith('..') ? 'a temp file' : path.relative(repoRoot, target);
  const row = (name, times) =>
    `  ${pad(name, 34, true)} median ${pad(quantile(times, 0.5).toFixed(1), 7)} ms, p90 ${pad(quantile(times, 0.9).toFixed(1), 7)} ms, min ${pad(times[0].toFixed(1), 7)} ms`;
  console.log(`CLI wall time, \`dockfix lint ${label}\` (${cliRuns} spawns each):`);
  console.log(row('node bin/dockfix.js', cli.times));
  console.log(row('library one-shot, default V8 flags', library.times));
  console.log(row("bare `node -e ''` startup", baseline.times));
  const failure = cli.failure ?? library.failure;
  if (failure) console.log(`  warning: the CLI did not exit 0/1: ${failure}`);
}
