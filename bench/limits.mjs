#!/usr/bin/env node
// Resource limits: how long lint and fix take, and how much memory, on inputs at the edge of what a
// Dockerfile can be: 100k lines, one 5 MB line, 10k line continuations. Each run is a fresh process
// (peak RSS from process.resourceUsage), with a time limit. The figures justify --max-file-size
// (packages/cli/README.md). `node bench/limits.mjs [--limit-seconds N] [--case NAME]`; not a test: it only prints.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'limit-seconds': { type: 'string', default: '120' }, case: { type: 'string' }, child: { type: 'string' }, op: { type: 'string' } } });

/** The inputs, generated (never stored). */
const CASES = {
  '100k lines': () => `FROM alpine:3.20\n${Array.from({ length: 99_999 }, (_, i) => (i % 10 === 0 ? `# step ${i}` : `RUN echo step ${i}`)).join('\n')}\n`,
  '5 MB single line': () => `FROM alpine:3.20\nRUN echo ${'abcdefg '.repeat((5 * 1024 * 1024) / 8)}\n`,
  '10k continuations': () => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y \\\n${Array.from({ length: 10_000 }, (_, i) => `    package-${i}`).join(' \\\n')}\n`,
};

if (values.child) {
  // One measurement in this process: generate, then time the call alone.
  const { lint, fix } = await import('dockfix');
  const text = CASES[values.child]();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = values.op === 'lint' ? lint(text) : fix(text, { unsafe: values.op === 'fix --unsafe' });
  const ms = performance.now() - started;
  // CPU time too: on a loaded machine the wall time says more about the other jobs than about dockfix.
  const cpu = process.cpuUsage(cpuBefore);
  const count = 'diagnostics' in result ? result.diagnostics.length : result.remaining.length;
  process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, count }));
  process.exit(0);
}

const limit = Number(values['limit-seconds']);
console.log(`limits: one fresh process per run, ${limit} s limit each (node ${process.version}; load average ${loadavg()[0].toFixed(2)})`);
console.log('case                 | op           |    bytes |     time |      CPU | peak RSS | problems');
for (const name of Object.keys(CASES).filter((name) => !values.case || name === values.case)) {
  for (const op of ['lint', 'fix', 'fix --unsafe']) {
    const run = spawnSync(process.execPath, ['--liftoff-only', new URL(import.meta.url).pathname, '--child', name, '--op', op], { encoding: 'utf8', timeout: limit * 1000, maxBuffer: 1 << 20 });
    let line;
    if (run.error || run.status !== 0) {
      line = `${run.error?.code === 'ETIMEDOUT' ? `over ${limit} s` : `failed: ${(run.stderr || String(run.error)).split('\n')[0]}`}`;
    } else {
      const r = JSON.parse(run.stdout);
      line = `${String(r.bytes).padStart(8)} | ${`${(r.ms / 1000).toFixed(2)} s`.padStart(8)} | ${`${(r.cpuMs / 1000).toFixed(2)} s`.padStart(8)} | ${`${Math.round(r.maxRssKb / 1024)} MB`.padStart(8)} | ${r.count}`;
    }
    console.log(`${name.padEnd(20)} | ${op.padEnd(12)} | ${line}`);
  }
}
