// Start-up: wall time of one-file CLI runs, each beside `node -e 0` in the same run. Spawns are
// interleaved (every round runs every command once, in a rotating order) so background load hits
// them alike; each figure is the median of its rounds. Not a test: it prints a table.
//   node bench/startup.mjs [--runs N] [--only name,name]   (BENCH_BASELINE=dir adds an older checkout)
// Peers (dockerlint, dockerfile-utils, dockerfilelint) and prettier-plugin-sh are devDependencies
// of this private bench package; a command whose binary is missing is skipped with a note.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(repoRoot, 'node_modules', '.bin', name);
const flag = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(flag('--runs', process.env.BENCH_CLI_RUNS ?? 21));
const only = flag('--only', '')?.split(',').filter(Boolean) ?? [];

const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-startup-'));
const file = path.join(dir, 'Dockerfile');
// A small, realistic file with a few findings: what a pre-commit hook hands the CLI.
writeFileSync(
  file,
  [
    'FROM node:20',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN apt-get update && apt-get install -y curl',
    'RUN npm install',
    'COPY . .',
    'CMD node server.js',
    '',
  ].join('\n'),
);
writeFileSync(path.join(dir, '.prettierrc.json'), '{}\n');

const prettier = path.join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
const node = process.execPath;

/** The dockfix rows for one checkout; `label` tells them apart when BENCH_BASELINE adds an older one. */
const dockfixRows = (root, label) => {
  const dockfixBin = path.join(root, 'packages', 'cli', 'bin', 'dockfix.js');
  const oneShot = `const { lint } = await import('dockfix'); lint(${JSON.stringify('FROM node:20\nRUN npm install\n')})`;
  return [
    [`dockfix lint FILE${label}`, [node, dockfixBin, 'lint', file], root],
    [`dockfix --version${label}`, [node, dockfixBin, '--version'], root],
    [`dockfix fix --diff FILE${label}`, [node, dockfixBin, 'fix', '--diff', file], root],
    [`import('@dockfix/core')${label}`, [node, '--input-type=module', '-e', "await import('@dockfix/core')"], root],
    [`import('dockfix') + lint()${label}`, [node, '--input-type=module', '-e', oneShot], root],
    [`prettier --check (plugin-dockfix)${label}`, [node, prettier, '--check', '--plugin', 'prettier-plugin-dockfix', file], root],
  ];
};

// BENCH_BASELINE=<another checkout, built> adds its dockfix rows, marked "(before)", to the same run.
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;

/** name → [argv, cwd]. */
const commands = [
  ['node -e 0', [node, '-e', '0'], repoRoot],
  ...dockfixRows(repoRoot, ''),
  ...(baseline ? dockfixRows(baseline, ' (before)') : []),
  ['dockerlint FILE', [bin('dockerlint'), file], repoRoot],
  ['dockerfile-utils lint FILE', [bin('dockerfile-utils'), 'lint', file], repoRoot],
  ['dockerfilelint FILE', [bin('dockerfilelint'), file], repoRoot],
  ['prettier --check (plugin-sh)', [node, prettier, '--check', '--plugin', 'prettier-plugin-sh', file], repoRoot],
].filter(([name, argv]) => (only.length === 0 || name === 'node -e 0' || only.some((o) => name.includes(o))) && (argv[0] === node || existsSync(argv[0])));

const times = new Map(commands.map(([name]) => [name, []]));
const failures = new Map();
for (let round = 0; round < runs; round++) {
  for (let k = 0; k < commands.length; k++) {
    const [name, argv, cwd] = commands[(k + round) % commands.length];
    const start = performance.now();
    const result = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    times.get(name).push(performance.now() - start);
    // Linters exit non-zero for findings (dockerfilelint: the number of them); a crash or a usage error is what matters.
    if (result.error || result.status === null || /internal error|Cannot find|ERR_[A-Z_]+|No parser could be inferred/.test(result.stderr)) failures.set(name, `exit ${result.status ?? result.error?.message}: ${(result.stderr || '').trim().split('\n')[0]}`);
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const floor = median(times.get('node -e 0'));
console.log(`start-up: median wall time of ${runs} interleaved spawns each; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`${'command'.padEnd(36)} ${'median'.padStart(9)} ${'x node -e 0'.padStart(12)}`);
for (const [name] of commands) {
  const ms = median(times.get(name));
  console.log(`${name.padEnd(36)} ${`${ms.toFixed(0)} ms`.padStart(9)} ${`${(ms / floor).toFixed(2)}x`.padStart(12)}${failures.has(name) ? `  (failed: ${failures.get(name)})` : ''}`);
}
