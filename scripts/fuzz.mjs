#!/usr/bin/env node
// `npm run fuzz [-- --runs N --seed S --chunks K --jobs J]`: the fuzz properties of
// test/fuzz/fuzz.test.ts for N cases in all (default 100,000), in K chunks (default 10) of seeds S,
// S+1, … so that one failing chunk does not stop the others, J chunks at a time (default 1; each is
// one single-threaded vitest process, so 2 uses both cores of a machine that has them idle). Prints
// the seed first, each chunk as it ends, and a summary last; exits 1 when any chunk failed. Replay a
// failure with the chunk's seed and run count, as printed.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    chunks: { type: 'string', default: '10' },
    jobs: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const chunks = Math.max(1, Math.min(Number(values.chunks), runs));
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const jobs = Number(values.jobs);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed) || !Number.isSafeInteger(jobs) || jobs < 1) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--chunks K] [--jobs J]');
  process.exit(2);
}

console.log(`fuzz: ${runs} cases in ${chunks} chunks, seed ${seed}, ${jobs} at a time`);
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const results = [];
const started = Date.now();

/** Runs one chunk in its own vitest process and prints its line when it ends. */
function runChunk(chunk) {
  const chunkRuns = Math.floor(runs / chunks) + (chunk < runs % chunks ? 1 : 0);
  const chunkSeed = seed + chunk;
  const chunkStarted = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', 'test/fuzz/fuzz.test.ts', '--testTimeout=0', '--reporter=dot'], {
      cwd: root,
      env: { ...process.env, DOCKFIX_FUZZ_RUNS: String(chunkRuns), DOCKFIX_FUZZ_SEED: String(chunkSeed) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (data) => (output += data));
    child.stderr.setEncoding('utf8').on('data', (data) => (output += data));
    child.on('close', (status) => {
      const ok = status === 0;
      const seconds = ((Date.now() - chunkStarted) / 1000).toFixed(0);
      // The dot reporter prints its dots on the same line as the counts, so the match is not anchored.
      const counts = output.match(/fuzz: \d+ cases;.*$/m)?.[0] ?? '(no counts printed)';
      results.push({ chunk, chunkSeed, chunkRuns, ok });
      console.log(`chunk ${chunk + 1}/${chunks}: seed ${chunkSeed}, ${chunkRuns} cases, ${ok ? 'passed' : 'FAILED'} in ${seconds} s; ${counts}`);
      if (!ok) {
        // The whole output (fast-check's counterexample can be long) goes to a file; the gist to the console.
        const log = path.join(os.tmpdir(), `dockfix-fuzz-${chunkSeed}.log`);
        writeFileSync(log, output);
        console.log(`full output: ${log}`);
      }
      if (!ok) console.log(output.split('\n').filter((line) => /Property failed|seed|Counterexample|Shrunk|AssertionError|Error:|expected/i.test(line)).slice(0, 40).join('\n'));
      resolve();
    });
  });
}

let next = 0;
await Promise.all(
  Array.from({ length: Math.min(jobs, chunks) }, async () => {
    while (next < chunks) await runChunk(next++);
  }),
);
results.sort((a, b) => a.chunk - b.chunk);
const failed = results.filter((result) => !result.ok);
console.log(
  `fuzz: ${runs} cases, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s; ${failed.length === 0 ? 'all passed' : `failed chunks: ${failed.map((f) => `seed ${f.chunkSeed} (${f.chunkRuns} cases)`).join(', ')}`}`,
);
process.exit(failed.length === 0 ? 0 : 1);
