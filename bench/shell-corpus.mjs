// How tree-sitter-bash copes with the RUN bodies of the shared corpus: how many shell bodies there
// are, how many parse only with error recovery (and which), how many are skipped because the stage's
// SHELL is not POSIX (PowerShell, cmd), and what one parse costs. Not a test; it prints numbers.
//
//   npm run build && node bench/shell-corpus.mjs          (BENCH_ITERATIONS=n for more timed rounds)
//
// Bodies are taken exactly as dockfix's model takes them (shell form with continuations kept, or the
// heredoc content of `RUN <<EOF`), prepared with the same `prepareShellText`, and parsed again here
// with `parseShell` so that the time is the parse + extraction alone, without the Dockerfile model.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel, decodeDockerfile, parseShell, prepareShellText, Source } from '@dockfix/core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(repoRoot, '..', 'shared', 'corpus');
const iterations = Math.max(1, Number(process.env.BENCH_ITERATIONS) || 5);

/** Corpus files relative to the corpus root, sorted (the same list as test/helpers/paths.ts). */
function corpusFiles() {
  if (!existsSync(root)) throw new Error(`the corpus is missing at ${root} (expected shared/corpus beside the repository)`);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(dir === root && ['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv'].includes(name))) files.push(path.relative(root, full));
    }
  };
  walk(root);
  return files;
}

const bodies = [];
const errors = [];
let files = 0;
let fatalFiles = 0;
let execForm = 0;
let skippedNonPosix = 0;
let heredocBodies = 0;
for (const relative of corpusFiles()) {
  let text;
  try {
    text = decodeDockerfile(readFileSync(path.join(root, relative)));
  } catch {
    continue;
  }
  files++;
  const source = new Source(text);
  const model = buildModel(source);
  if (model.syntaxProblems.length > 0) fatalFiles++;
  for (const instruction of model.instructions) {
    const run = instruction.run;
    if (!run) continue;
    if (run.form === 'exec') {
      execForm++;
      continue;
    }
    if (!run.script) {
      if (run.body) skippedNonPosix++;
      continue;
    }
    if (run.form === 'heredoc') heredocBodies++;
    const body = source.slice(run.body);
    bodies.push({ body, prepared: prepareShellText(body, source.escapeChar, run.form === 'shell'), offset: run.body.start });
    if (run.script.hasError) {
      const line = source.lineColumnAt(instruction.range.start).line;
      errors.push(`${relative}:${line}  ${body.split('\n')[0].slice(0, 70)}`);
    }
  }
}

// Time the shell parse alone: one warm-up round, then the median of the timed rounds.
const round = () => {
  const start = performance.now();
  for (const { body, prepared, offset } of bodies) parseShell(body, prepared, offset);
  return performance.now() - start;
};
round();
const times = Array.from({ length: iterations }, round).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const perBody = (median * 1000) / bodies.length;
const sizes = bodies.map((b) => b.body.length).sort((a, b) => a - b);

console.log(`shell bodies in ${files} corpus files (${fatalFiles} files with Dockerfile syntax problems still counted)`);
console.log(`  RUN bodies parsed as shell        ${bodies.length} (${heredocBodies} of them RUN <<EOF heredocs)`);
console.log(`  parsed with errors (recovered)    ${errors.length}`);
console.log(`  skipped: non-POSIX SHELL          ${skippedNonPosix}`);
console.log(`  skipped: exec form                ${execForm}`);
console.log(`  body size median / max            ${sizes[Math.floor(sizes.length / 2)]} / ${sizes.at(-1)} chars`);
console.log(`  parse + extraction, per body      ${perBody.toFixed(1)} µs (median of ${iterations} rounds, ${median.toFixed(1)} ms per round)`);
if (errors.length > 0) {
  console.log('\nbodies that parse only with error recovery:');
  for (const error of errors) console.log(`  ${error}`);
}
