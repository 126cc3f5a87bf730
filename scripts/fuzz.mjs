#!/usr/bin/env node
// `npm run fuzz [-- --runs N --seed S --chunks K]`: the fuzz properties of test/fuzz/fuzz.test.ts
// for N cases in all (default 100,000), in K chunks (default 10) of seeds S, S+1, … so that one
// failing chunk does not stop the others. Prints the seed first and a summary last; exits 1 when any
// chunk failed. Replay a failure with the chunk's seed and run count, as printed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' }, chunks: { type: 'string', default: '10' } },
});
const runs = Number(values.runs);
const chunks = Math.max(1, Math.min(Number(values.chunks), runs));
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--chunks K]');
  process.exit(2);
}

console.log(`fuzz: ${runs} cases in ${chunks} chunks, seed ${seed}`);
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const results = [];
const started = Date.now();
for (let chunk = 0; chunk < chunks; chunk++) {
  const chunkRuns = Math.floor(runs / chunks) + (chunk < runs % chunks ? 1 : 0);
  const chunkSeed = seed + chunk;
  const chunkStarted = Date.now();
  const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz/fuzz.test.ts', '--testTimeout=0', '--reporter=dot'], {
    cwd: root,
    env: { ...process.env, DOCKFIX_FUZZ_RUNS: String(chunkRuns), DOCKFIX_FUZZ_SEED: String(chunkSeed) },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`;
  const ok = run.status === 0;
  const seconds = ((Date.now() - chunkStarted) / 1000).toFixed(0);
  const counts = output.match(/^fuzz: .*$/m)?.[0] ?? '(no counts printed)';
  results.push({ chunk, chunkSeed, chunkRuns, ok });
  console.log(`chunk ${chunk + 1}/${chunks}: seed ${chunkSeed}, ${chunkRuns} cases, ${ok ? 'passed' : 'FAILED'} in ${seconds} s; ${counts}`);
  if (!ok) console.log(output.split('\n').filter((line) => /Property failed|seed|Counterexample|Shrunk|AssertionError|Error:|expected/i.test(line)).slice(0, 40).join('\n'));
}
const failed = results.filter((result) => !result.ok);
console.log(
  `fuzz: ${runs} cases, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s; ${failed.length === 0 ? 'all passed' : `failed chunks: ${failed.map((f) => `seed ${f.chunkSeed} (${f.chunkRuns} cases)`).join(', ')}`}`,
);
process.exit(failed.length === 0 ? 0 : 1);
