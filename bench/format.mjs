// Formatting throughput over the shared corpus, next to the bare dockerfile-ast parse of the same
// files in the same run (the issue's budget: formatting within 1.5x of the parse), and through
// Prettier's API with the plugin. Not a test: it prints a table. Run after `npx tsc -b`:
//   node bench/format.mjs [--rounds N] [--with-sh]
// --with-sh adds prettier-plugin-sh (dockfmt in WebAssembly) on every 11th file, one pass: it is
// about a hundred times slower, so a full corpus pass would take minutes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '@dockfix/core';
import { DockerfileParser } from 'dockerfile-ast';
import * as prettier from 'prettier';
import * as plugin from 'prettier-plugin-dockfix';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');
const roundsFlag = process.argv.indexOf('--rounds');
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 5;

const METADATA = new Set(['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv']);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (!(dir === corpusRoot && METADATA.has(name))) files.push(readFileSync(full, 'utf8'));
  }
};
walk(corpusRoot);
const bytes = files.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

/** One pass over every file, in milliseconds. */
async function pass(run) {
  const start = performance.now();
  for (const text of files) {
    const result = run(text);
    if (result instanceof Promise) await result;
  }
  return performance.now() - start;
}

const variants = [
  ['dockerfile-ast parse (baseline)', (text) => void DockerfileParser.parse(text)],
  ['dockfix format()', (text) => void format(text)],
  ['Prettier API + plugin, dockfixFixes=none', (text) => prettier.format(text, { parser: 'dockfix', plugins: [plugin], dockfixFixes: 'none' })],
  ['Prettier API + plugin, safe fixes (default)', (text) => prettier.format(text, { parser: 'dockfix', plugins: [plugin] })],
];

// Warm up, then interleave the variants round by round so that a busy machine slows them alike;
// each ratio to the baseline is taken within a round, and the median is reported.
for (const [, run] of variants) await pass(run);
const times = variants.map(() => []);
const ratios = variants.map(() => []);
for (let round = 0; round < rounds; round++) {
  const roundTimes = [];
  for (const [index, [, run]] of variants.entries()) {
    const ms = await pass(run);
    times[index].push(ms);
    roundTimes.push(ms);
  }
  for (const [index, ms] of roundTimes.entries()) ratios[index].push(ms / roundTimes[0]);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const table = variants.map(([name], index) => {
  const ms = median(times[index]);
  return {
    what: name,
    'ms / corpus pass': ms.toFixed(1),
    'files/s': Math.round((files.length / ms) * 1000).toLocaleString('en-US'),
    'MB/s': ((bytes / 1024 / 1024 / ms) * 1000).toFixed(2),
    'x parse': median(ratios[index]).toFixed(2),
  };
});
if (process.argv.includes('--with-sh')) {
  const sh = await import('prettier-plugin-sh');
  const sample = files.filter((_text, index) => index % 11 === 0);
  await prettier.format('FROM alpine\n', { parser: 'dockerfile', plugins: [sh] });
  let failed = 0;
  const start = performance.now();
  for (const text of sample) await prettier.format(text, { parser: 'dockerfile', plugins: [sh] }).catch(() => failed++);
  const ms = ((performance.now() - start) / sample.length) * files.length;
  table.push({
    what: `prettier-plugin-sh (${sample.length} files${failed ? `, ${failed} threw` : ''}, scaled)`,
    'ms / corpus pass': ms.toFixed(1),
    'files/s': Math.round((files.length / ms) * 1000).toLocaleString('en-US'),
    'MB/s': ((bytes / 1024 / 1024 / ms) * 1000).toFixed(2),
    'x parse': (ms / median(times[0])).toFixed(2),
  });
}

console.log(`format throughput: ${files.length} corpus files, ${(bytes / 1024).toFixed(0)} KiB, median of ${rounds} interleaved passes, Node ${process.version}`);
console.table(table);
