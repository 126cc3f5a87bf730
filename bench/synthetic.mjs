// A synthetic Dockerfile of about `lines` lines: mixed multi-stage builds, long `&&` chains,
// apt/npm/pip installs, comments and heredoc-free continuations. Every default rule has
// something to find and the fixer something to rewrite (merges, cleanups, flags), so `fix` and
// `format` work on every part of the file. Deterministic: the same size gives the same text.
const BLOCK_STAGES = [
  (n) => [
    `# stage ${n}: system packages`,
    `FROM ubuntu:22.04 AS base${n}`,
    'RUN apt-get update',
    'RUN apt-get install -y curl git \\',
    '    ca-certificates build-essential \\',
    '    python3 python3-pip',
    'WORKDIR /src',
    `ENV APP_HOME=/src/app${n} LANG=C.UTF-8`,
  ],
  (n) => [
    `FROM node:20 AS web${n}`,
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN npm install --only=production',
    'RUN npm run build && \\',
    '    npm test && \\',
    '    echo built > /tmp/done',
    'COPY . .',
  ],
  (n) => [
    `FROM python:3.12 AS py${n}`,
    'RUN pip install flask requests',
    'RUN cd /opt && mkdir -p data && \\',
    '    curl -sSL https://example.com/data.tar.gz | tar xz -C data && \\',
    '    chmod -R 755 data',
    `COPY --from=base${n - 2} /src /src`,
    'EXPOSE 8080',
    'CMD python app.py',
  ],
];

/** The text of a synthetic Dockerfile with at least `lines` lines. */
export function syntheticDockerfile(lines) {
  const out = [];
  for (let n = 0; out.length < lines; n++) out.push(...BLOCK_STAGES[n % BLOCK_STAGES.length](n));
  return `${out.slice(0, Math.max(lines, 8)).join('\n')}\n`;
}
