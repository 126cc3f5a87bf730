// Scaling on a synthetic Dockerfile (bench/synthetic.mjs) at 1k, 10k and 100k lines: lint, fix,
// unsafe fix and format (with its diff), each in a fresh process (bench/scaling-worker.mjs) so that
// the peak RSS is its own; the exponent is the least-squares slope of log(time) over log(lines)
// (1.0 = linear, 2.0 = quadratic). Not a test: it prints a table.
//   node bench/scaling.mjs [--sizes 1000,10000,100000] [--ops lint,fix,unsafe,format,lint-all,unsafe-all]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return (i > 0 ? process.argv[i + 1] : fallback).split(',');
};
const sizes = flag('--sizes', '1000,10000,100000').map(Number);
// lint-all and unsafe-all (every rule, opt-in ones too) are left to --ops: they double the run time.
const ops = flag('--ops', 'parse,lint,fix,unsafe,format');
const TIMEOUT_MS = 300_000;

console.log(`scaling on a synthetic Dockerfile; one fresh process per cell, after a warm-up; node ${process.version}; load average ${loadavg()[0].toFixed(2)}`);
const header = ['measure', ...sizes.map((n) => `${n / 1000}k lines`), 'exponent', `peak RSS @${sizes.at(-1) / 1000}k`];
console.log(header.map((h, i) => (i === 0 ? h.padEnd(22) : h.padStart(14))).join(''));
for (const op of ops) {
  const cells = [];
  let rss = null;
  for (const lines of sizes) {
    const result = spawnSync(process.execPath, [path.join(here, 'scaling-worker.mjs'), op, String(lines)], { encoding: 'utf8', timeout: TIMEOUT_MS });
    if (result.status !== 0) {
      cells.push(null);
      console.error(`  ${op} at ${lines} lines: ${result.error ? `timed out after ${TIMEOUT_MS / 1000} s` : result.stderr.trim().split('\n').at(-1)}`);
      continue;
    }
    const { ms, maxRssMb } = JSON.parse(result.stdout.trim().split('\n').at(-1));
    cells.push(ms);
    rss = maxRssMb;
  }
  const points = sizes.map((n, i) => [Math.log(n), cells[i] ? Math.log(cells[i]) : null]).filter(([, y]) => y !== null);
  let exponent = null;
  if (points.length >= 2) {
    const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
    const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
    exponent = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  }
  const row = [op, ...cells.map((ms) => (ms === null ? 'failed' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)), exponent === null ? '-' : exponent.toFixed(2), rss === null || cells.at(-1) === null ? '-' : `${rss.toFixed(0)} MB`];
  console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(22) : String(c).padStart(14))).join(''));
}
