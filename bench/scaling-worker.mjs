// One scaling measurement in a fresh process, so peak RSS belongs to it alone:
//   node bench/scaling-worker.mjs <lint|lint-all|fix|unsafe|format|diff|parse> <lines>
// Prints one JSON line: { ms (the fastest of a few runs for small sizes), maxRssMb, result }.
import { DockerfileParser } from 'dockerfile-ast';
import { format, unifiedDiff } from '@dockfix/core';
import { fix, lint } from 'dockfix';
import { syntheticDockerfile } from './synthetic.mjs';

const [op, linesArg] = process.argv.slice(2);
let text = syntheticDockerfile(300);
const ALL = { select: ['ALL'] };
const work = {
  parse: () => DockerfileParser.parse(text),
  lint: () => lint(text, { filePath: 'Dockerfile' }),
  'lint-all': () => lint(text, { filePath: 'Dockerfile', config: ALL }),
  // The diff is part of what `fix --diff` prints: read it, so the lazily computed diff is counted.
  fix: () => fix(text, { filePath: 'Dockerfile' }).diff.length,
  unsafe: () => fix(text, { filePath: 'Dockerfile', unsafe: true }).diff.length,
  'unsafe-all': () => fix(text, { filePath: 'Dockerfile', unsafe: true, config: ALL }).diff.length,
  format: () => unifiedDiff(text, format(text).output).length,
}[op];
if (!work) {
  console.error(`unknown measurement "${op}"`);
  process.exit(2);
}
// Warm up on a small file first, so the figure is the size's cost and not the JIT's first steps.
for (let i = 0; i < 3; i++) work();
text = syntheticDockerfile(Number(linesArg));
// Small sizes run a few times and keep the fastest, which is the least disturbed by other load.
const repeats = text.length < 100_000 ? 5 : text.length < 1_000_000 ? 2 : 1;
let ms = Infinity;
let result;
for (let i = 0; i < repeats; i++) {
  const start = performance.now();
  result = work();
  ms = Math.min(ms, performance.now() - start);
}
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, result: typeof result === 'number' ? result : null }));
