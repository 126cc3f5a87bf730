// Linting on every keystroke, as the language server does: a realistic 200-line Dockerfile is
// edited one character at a time and linted after each edit (the budget: under 10 ms for a
// 200-line file), then formatted. Not a test: it prints numbers. Run after `npx tsc -b`:
//   node bench/keystroke.mjs [--keystrokes N]
import { setFlagsFromString } from 'node:v8';

// The language server runs with Liftoff only (see packages/language-server/bin); measure that.
setFlagsFromString('--liftoff-only');
const { lint, fix, format } = await import('dockfix');

const keystrokesFlag = process.argv.indexOf('--keystrokes');
const keystrokes = keystrokesFlag > 0 ? Number(process.argv[keystrokesFlag + 1]) : 500;

/** A 200-line, three-stage Dockerfile of the kind people edit: apt, npm, pip, comments, long RUNs, labels. */
function realisticDockerfile() {
  const lines = [
    '# syntax=docker/dockerfile:1',
    '# Build, test and ship the API service.',
    'ARG NODE_VERSION=20',
    'FROM node:${NODE_VERSION} AS build',
    'LABEL org.opencontainers.image.source="https://example.com/api" \\',
    '      org.opencontainers.image.licenses="MIT"',
    'ENV NODE_ENV=development \\',
    '    NPM_CONFIG_LOGLEVEL=warn',
    'WORKDIR /src',
    'RUN apt-get update && apt-get install -y \\',
    '    build-essential \\',
    '    python3 \\',
    '    git \\',
    '    curl',
    'COPY package.json package-lock.json ./',
    'RUN npm install',
    'COPY . .',
    'RUN npm run build && npm test',
    '',
  ];
  for (let i = 0; lines.length < 120; i++) {
    lines.push(`# step ${i}: generate asset bundle ${i}`);
    lines.push(`RUN node scripts/generate.js --bundle ${i} --out /src/dist/bundle-${i} \\`);
    lines.push(`    && test -s /src/dist/bundle-${i}/index.js \\`);
    lines.push(`    && echo "bundle ${i} ready"`);
  }
  lines.push('', 'FROM python:3.12 AS tools', 'WORKDIR /tools', 'RUN pip install awscli==1.33.0 yq==3.4.3');
  for (let i = 0; lines.length < 170; i++) {
    lines.push(`ENV TOOL_${i}_HOME=/opt/tool-${i}`, `COPY tools/tool-${i}.sh /usr/local/bin/tool-${i}`, `RUN chmod +x /usr/local/bin/tool-${i}`);
  }
  lines.push('', 'FROM node:${NODE_VERSION}', 'WORKDIR /app', 'ENV NODE_ENV=production');
  lines.push('RUN apt-get update && apt-get install -y --no-install-recommends tini ca-certificates');
  lines.push('COPY --from=build /src/dist ./dist', 'COPY --from=build /src/package*.json ./', 'RUN npm install --only=production');
  lines.push('COPY --from=tools /usr/local/bin/ /usr/local/bin/');
  while (lines.length < 196) lines.push(`# keep ${lines.length}: runtime note`);
  lines.push('EXPOSE 8080', 'HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1', 'ENTRYPOINT ["tini", "--"]', 'CMD node dist/server.js');
  return `${lines.join('\n')}\n`;
}

const text = realisticDockerfile();
const lineCount = text.split('\n').length - 1;
// Each keystroke types one more character into the word "bundle" of a RUN line in the middle of the file.
const anchor = text.indexOf('--bundle 40');
const edits = Array.from({ length: keystrokes }, (_, i) => `${text.slice(0, anchor)}${'x'.repeat(i % 20)}${text.slice(anchor)}`);

function measure(run, inputs, warmup) {
  for (let i = 0; i < warmup; i++) run(inputs[i % inputs.length]);
  const times = [];
  for (const input of inputs) {
    const start = performance.now();
    run(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
  return { mean, p95, max: times.at(-1), n: times.length };
}

const diagnostics = lint(text).diagnostics.length;
const rows = [
  ['lint (each keystroke)', measure((t) => lint(t), edits, 100)],
  ['fix, safe (fix-all action)', measure((t) => fix(t), edits.slice(0, 100), 20)],
  ['format (format-on-save)', measure((t) => format(t), edits, 100)],
];
const fmt = (ms) => `${ms.toFixed(2).padStart(7)} ms`;
console.log(`Keystroke bench: ${lineCount}-line Dockerfile, ${Buffer.byteLength(text)} bytes, ${diagnostics} diagnostics with the default rules (Node ${process.version}, --liftoff-only)`);
console.log(`${'operation'.padEnd(30)}${'mean'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}   runs`);
for (const [name, r] of rows) console.log(`${name.padEnd(30)}${fmt(r.mean)}${fmt(r.p95)}${fmt(r.max)}   ${r.n}`);
const lintRow = rows[0][1];
console.log(`lint per keystroke: mean ${lintRow.mean.toFixed(2)} ms, p95 ${lintRow.p95.toFixed(2)} ms; budget 10 ms: ${lintRow.p95 < 10 ? 'met' : 'NOT MET'}`);
