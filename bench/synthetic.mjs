// A synthetic Dockerfile of about `lines` lines: stages of ~1,000 lines each (ubuntu, node and
// python in turn, each copying from the one before), made of long `&&` chains, apt/npm/pip
// installs, cd/mkdir/curl steps, ENV, COPY and comments. Every default rule has something to find
// and the fixer something to rewrite (merges, cleanups, flags), all over the file.
// Deterministic: the same size gives the same text.
//
// Why ~1,000 lines a stage and not a stage per block: dockerfile-ast (the parser, and so the
// floor) hands each comment to its stage by comparing it with every stage, which is quadratic in a
// file with thousands of stages and comments (12,500 stages at 100k lines: 158 s for the bare
// parse). Real Dockerfiles have a handful of stages; dockfix itself is linear in both.
const STAGE_LINES = 1000;
const BASES = ['ubuntu:22.04', 'node:20', 'python:3.12'];
const BODIES = [
  (n) => [
    `# step ${n}: system packages`,
    'RUN apt-get update',
    'RUN apt-get install -y curl git \\',
    '    ca-certificates build-essential \\',
    '    python3 python3-pip',
    `ENV APP_HOME=/src/app${n} LANG=C.UTF-8`,
  ],
  (n) => [
    'COPY package.json package-lock.json ./',
    'RUN npm install --only=production',
    'RUN npm run build && \\',
    '    npm test && \\',
    `    echo built-${n} > /tmp/done`,
  ],
  (n) => [
    'RUN pip install flask requests',
    'RUN cd /opt && mkdir -p data && \\',
    `    curl -sSL https://example.com/data-${n}.tar.gz | tar xz -C data && \\`,
    '    chmod -R 755 data',
    'EXPOSE 8080',
  ],
];

/** The text of a synthetic Dockerfile with at least `lines` lines. */
export function syntheticDockerfile(lines) {
  const out = [];
  let block = 0;
  for (let stage = 0; out.length < lines; stage++) {
    out.push(`FROM ${BASES[stage % BASES.length]} AS s${stage}`, 'WORKDIR /src');
    if (stage > 0) out.push(`COPY --from=s${stage - 1} /src /src`);
    const end = Math.min(lines, out.length + STAGE_LINES);
    while (out.length < end - 1) out.push(...BODIES[block % BODIES.length](block++));
    out.push('CMD python app.py');
  }
  return `${out.join('\n')}\n`;
}
