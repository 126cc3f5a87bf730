// dockfix beside its peers over the shared corpus, in one process: the bare dockerfile-ast parse
// (the floor every dockerfile-ast based tool pays), dockfix lint / fix / unsafe fix / format,
// dockerfile-utils validate, dockerfilelint and dockerfile_lint. Rounds are interleaved (every round
// runs every tool once over every file) and each figure is the median of its rounds.
//   node bench/peers.mjs [--rounds N]
// dockerfile_lint never returns on some inputs (a regular expression that backtracks without end):
// every tool first runs once over every file in a worker thread, and a file on which a tool takes
// longer than PROBE_TIMEOUT_MS is set aside for everyone, and named in the output.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const corpusRoot = path.resolve(here, '..', '..', 'shared', 'corpus');
const PROBE_TIMEOUT_MS = 5000;

/** The tools, by name; each returns a function that checks one file's text. */
async function loadTools() {
  const { DockerfileParser } = await import('dockerfile-ast');
  const { fix, lint } = await import('dockfix');
  const { format } = await import('@dockfix/core');
  const { validate } = await import('dockerfile-utils');
  const dockerfilelint = require('dockerfilelint');
  const DockerfileLint = require('dockerfile_lint');
  const dockerfileLint = new DockerfileLint();
  return {
    'dockerfile-ast parse (floor)': (text) => DockerfileParser.parse(text),
    'dockfix lint()': (text) => lint(text),
    // The diff is read, as `fix --diff` does (it is computed on first read now).
    'dockfix fix() safe': (text) => fix(text).diff,
    'dockfix fix() unsafe': (text) => fix(text, { unsafe: true }).diff,
    'dockfix format()': (text) => format(text),
    'dockerfile-utils validate': (text) => validate(text),
    dockerfilelint: (text) => dockerfilelint.run(here, text),
    dockerfile_lint: (text) => dockerfileLint.validate(text),
  };
}

function loadCorpus() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(dir === corpusRoot && ['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv'].includes(name))) files.push({ name: path.relative(corpusRoot, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(corpusRoot);
  return files;
}

/** Milliseconds one tool takes over the files; a tool that throws on a file is still timed on it (throwing is its answer). */
function timePass(run, files) {
  const t0 = performance.now();
  for (const file of files) {
    try {
      run(file.text);
    } catch {
      // timed all the same
    }
  }
  return performance.now() - t0;
}

if (!isMainThread && workerData.baseline) {
  // Baseline worker: another checkout's lint and fix, in an isolate of their own. Loaded into the main
  // thread beside the checkout under test, the second copy of dockfix (its own dockerfile-ast, rules and
  // shell parser) made the first one's lint() ~25% slower and both figures wrong.
  const old = await import(pathToFileURL(workerData.baseline).href);
  const tools = {
    'dockfix lint() (before)': (text) => old.lint(text),
    'dockfix fix() safe (before)': (text) => old.fix(text).diff,
    'dockfix fix() unsafe (before)': (text) => old.fix(text, { unsafe: true }).diff,
  };
  const skip = new Set(workerData.skip);
  const usable = loadCorpus().filter((_file, index) => !skip.has(index));
  parentPort.on('message', ({ tool }) => {
    if (tool === undefined) return parentPort.postMessage({ tools: Object.keys(tools) });
    parentPort.postMessage({ ms: timePass(tools[tool], usable) });
  });
} else if (!isMainThread) {
  // Probe worker: runs one tool over every file, reporting each file before it starts.
  const tools = await loadTools();
  const run = tools[workerData.tool];
  const skip = new Set(workerData.skip);
  for (const [index, file] of loadCorpus().entries()) {
    if (skip.has(index)) continue;
    parentPort.postMessage({ starting: index });
    try {
      run(file.text);
    } catch {
      // A tool that throws on a file is still timed on it: throwing is its answer.
    }
  }
  parentPort.postMessage({ done: true });
} else {
  const baselineEntry = process.env.BENCH_BASELINE ? path.join(path.resolve(process.env.BENCH_BASELINE), 'packages', 'cli', 'dist', 'index.js') : null;
  if (baselineEntry && !existsSync(baselineEntry)) {
    console.error(`bench/peers: BENCH_BASELINE=${process.env.BENCH_BASELINE} is not a built checkout (no ${baselineEntry}; run npm ci there)`);
    process.exit(2);
  }
  const roundsFlag = process.argv.indexOf('--rounds');
  const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 5;
  const files = loadCorpus();
  const tools = await loadTools();

  // Files some tool hangs on are set aside for every tool, so all run over the same files.
  const hungFiles = new Set();
  for (const tool of Object.keys(tools)) {
    const hung = await probeSkipping(tool, hungFiles);
    for (const index of hung) hungFiles.add(index);
  }
  const usable = files.filter((_file, index) => !hungFiles.has(index));

  // BENCH_BASELINE=<another checkout, built> adds its lint and fix, marked "(before)", to the same rounds;
  // they run in a worker thread of their own (see the baseline worker above), one pass at a time.
  const passes = Object.fromEntries(Object.entries(tools).map(([name, run]) => [name, async () => timePass(run, usable)]));
  let baseline = null;
  if (baselineEntry) {
    baseline = new Worker(fileURLToPath(import.meta.url), { workerData: { baseline: baselineEntry, skip: [...hungFiles] } });
    // One request at a time: each pass waits for the one before it.
    let pending = null;
    let failed = null;
    baseline.on('message', (message) => pending?.resolve(message));
    baseline.on('error', (error) => {
      failed = error;
      pending?.reject(error);
    });
    const ask = (message) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        pending = { resolve, reject };
        baseline.postMessage(message);
      });
    for (const name of (await ask({})).tools) passes[name] = async () => (await ask({ tool: name })).ms;
  }
  const names = Object.keys(passes);
  const times = names.map(() => []);
  for (const name of names) await passes[name]();
  for (let round = 0; round < rounds; round++) for (const [i, name] of names.entries()) times[i].push(await passes[name]());
  if (baseline) await baseline.terminate();
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const floor = median(times[0]);
  console.log(`peers over the corpus: ${usable.length} of ${files.length} files, median of ${rounds} interleaved rounds in one process; node ${process.version}`);
  for (const index of hungFiles) console.log(`  set aside for every tool: ${files[index].name} (a tool ran longer than ${PROBE_TIMEOUT_MS / 1000} s on it: dockerfile_lint hangs there)`);
  console.log(`${'tool'.padEnd(30)} ${'ms/corpus'.padStart(10)} ${'ms/file'.padStart(8)} ${'x parse'.padStart(8)}`);
  names.forEach((name, i) => {
    const ms = median(times[i]);
    console.log(`${name.padEnd(30)} ${ms.toFixed(0).padStart(10)} ${(ms / usable.length).toFixed(3).padStart(8)} ${(ms / floor).toFixed(2).padStart(8)}`);
  });

  /** Probes a tool, skipping files already known to hang, restarting past each file it hangs on. */
  async function probeSkipping(tool, skip) {
    const hung = [];
    for (;;) {
      const result = await probeOnce(tool, new Set([...skip, ...hung]));
      if (result === null) return hung;
      hung.push(result);
    }
  }

  /** One worker run; resolves to the index of the file it hung on, or null when it finished. */
  function probeOnce(tool, skip) {
    return new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { tool, skip: [...skip] } });
      let timer = null;
      worker.on('message', (message) => {
        clearTimeout(timer);
        if (message.done) {
          void worker.terminate();
          resolve(null);
          return;
        }
        timer = setTimeout(() => {
          void worker.terminate();
          resolve(message.starting);
        }, PROBE_TIMEOUT_MS);
      });
      worker.on('error', () => resolve(null));
    });
  }
}
