// Generates Dockerfiles whose RUN bodies are sequences of realistic shell commands: package-manager
// calls (apt, apk, pip, npm, yarn, pnpm, dnf, yum, zypper), cache cleanups, downloads, and plain shell
// (cd, export, set -e, mkdir/touch/echo > file, if, subshells, pipes, ||), written in the styles real
// Dockerfiles use (one line, `\` continuations, `set -eux; \`, heredocs, CRLF, the backtick escape).
// Deterministic: the same seed gives the same file.
import { prng } from '../helpers/prng.js';

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const chance = (rand: Rand, p: number): boolean => rand() < p;

/** Plain shell that any image runs. */
const COMMON = [
  'mkdir -p /opt/app/data',
  'mkdir -p sub && cd sub',
  'touch /opt/flag',
  'touch marker',
  'echo "hello" > /opt/hello.txt',
  'echo "$GREETING" > greeting.txt',
  'cd /opt',
  'cd /tmp',
  'export GREETING=hi',
  'export PATH=/opt/bin:$PATH',
  'set -e',
  'set -eux',
  'set -x',
  '[ -f marker ] && touch seen-marker',
  'if [ -d sub ]; then touch sub/inside; else mkdir sub; fi',
  '( cd /tmp && touch made-in-subshell )',
  'echo a | tee tee-out.txt',
  'false || touch fallback',
  'make all',
  'make install',
  'true',
  'ls > /dev/null',
  'rm -f marker',
  'rm -rf /tmp/*',
  'sudo make install',
  'test -n "$GREETING" && touch greeted',
  'curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz',
  'curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt',
  'wget -q https://example.com/w.txt',
  'wget -qO- https://example.com/w.tar.gz | tar -xz -C /opt',
];

/** Commands that fail (or may): rare, so that most builds pass and can be compared. */
const FAILING = [
  'false',
  'cat /nonexistent > copy.txt',
  'tar -xzf /tmp/tool.tar.gz -C /opt',
  'curl -fsSL https://example.com/missing.tar.gz | tar -xz -C /opt',
  'apt-get install big-toolchain',
  'apt-get install -y curl',
  'apk add curl',
  'dnf install python3',
  'yum install httpd',
  'zypper install curl',
  'npm ci',
];

interface Family {
  readonly from: readonly string[];
  readonly commands: readonly string[];
  /** Cleanups that real files put in a RUN of their own (what cleanup-in-separate-layer moves). */
  readonly cleanups?: readonly string[];
  /** Instructions that make the family's commands work (manifests in the WORKDIR). */
  readonly setup: readonly string[];
}

const DEBIAN_APT = [
  'apt-get update && apt-get install -y curl',
  'apt-get update -qq && apt-get install -y --no-install-recommends curl ca-certificates',
  'apt-get update && apt-get install curl',
  'apt-get update && apt-get install -y big-toolchain',
  'apt-get update',
  'apt-get update -qq',
  'apt-get -qq install git',
  'apt update && apt install -y vim',
  'apt-get purge -y curl',
  'apt-get clean',
  'rm -rf /var/lib/apt/lists/*',
  'apt-cache policy curl',
  'DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata',
  'sudo apt-get update && sudo apt-get install -y jq',
];

const FAMILIES: Readonly<Record<string, Family>> = {
  debian: {
    from: ['debian:bookworm-slim', 'ubuntu:24.04'],
    commands: DEBIAN_APT,
    setup: ['RUN apt-get update'],
    cleanups: ['rm -rf /var/lib/apt/lists/*', 'apt-get clean', 'apt-get clean && rm -rf /var/lib/apt/lists/*'],
  },
  alpine: {
    from: ['alpine:3.20'],
    commands: [
      'apk update && apk add curl',
      'apk add --no-cache git',
      'apk add --update bash',
      'apk -U add jq',
      'apk add --virtual .deps gcc',
      'apk del .deps',
      'rm -rf /var/cache/apk/*',
      'apk upgrade',
      'apk add curl',
    ],
    setup: ['RUN apk update'],
    cleanups: ['rm -rf /var/cache/apk/*'],
  },
  python: {
    from: ['python:3.12-slim'],
    commands: [
      'pip install flask',
      'pip install --no-cache-dir requests',
      'pip install -r requirements.txt',
      'python3 -m pip install --upgrade pip',
      'pip3 install gunicorn',
      'PIP_NO_CACHE_DIR=1 pip install uvicorn',
      'pip cache purge',
      ...DEBIAN_APT.slice(0, 6),
    ],
    setup: ['COPY requirements.txt .', 'COPY . .'],
    cleanups: ['pip cache purge', 'rm -rf /root/.cache/pip'],
  },
  node: {
    from: ['node:20', 'node:20-alpine'],
    commands: [
      'npm ci',
      'npm install',
      'npm ci --omit=dev',
      'npm ci --only=production',
      'npm install --production',
      'npm install -g pm2',
      'npm cache clean --force',
      'npm run build',
      'npm prune --production',
      'yarn install',
      'yarn install --frozen-lockfile',
      'yarn cache clean',
      'yarn global add serve',
      'pnpm install',
      'pnpm install --frozen-lockfile --prod',
      'pnpm fetch',
    ],
    setup: ['COPY package*.json ./', 'COPY . .', 'COPY package.json yarn.lock ./', 'COPY package.json pnpm-lock.yaml ./'],
    cleanups: ['npm cache clean --force', 'yarn cache clean', 'rm -rf /root/.npm'],
  },
  rpm: {
    from: ['fedora:40', 'centos:7', 'opensuse/leap:15.6'],
    commands: [
      'dnf install -y python3',
      'dnf -y install big-devel',
      'dnf clean all',
      'microdnf install python3',
      'microdnf clean all',
      'yum install -y httpd',
      'yum clean all',
      'zypper -n install curl',
      'zypper install -y curl',
      'zypper clean -a',
      'rm -rf /var/cache/yum',
    ],
    setup: [],
    cleanups: ['dnf clean all', 'yum clean all', 'zypper clean -a'],
  },
};

const BETWEEN = ['WORKDIR /app', 'WORKDIR sub', 'ENV GREETING=hello', 'ENV PIP_NO_CACHE_DIR=1', 'LABEL stage=test', 'EXPOSE 8080'];
const JOINS = [' && ', ' && ', ' && ', ' && ', '; ', ' || '];

/** One statement: a command from the family or the common pool, sometimes wrapped in `if` or a subshell. */
function statement(rand: Rand, family: Family): string {
  const roll = rand();
  const command = roll < 0.05 ? pick(rand, FAILING) : roll < 0.6 ? pick(rand, family.commands) : pick(rand, COMMON);
  if (chance(rand, 0.08) && !/^(cd|export|set) /.test(command)) return `if [ -d /opt ]; then ${command}; fi`;
  if (chance(rand, 0.05)) return `( ${command} )`;
  return command;
}

/** A RUN instruction with 1–4 statements, in one of the styles real files use. */
function runInstruction(rand: Rand, family: Family, escape: string): string {
  const count = 1 + Math.floor(rand() * 4);
  const statements = Array.from({ length: count }, () => statement(rand, family));
  const style = rand();
  if (style < 0.1) return `RUN <<EOF\n${statements.join('\n')}\nEOF`;
  const joins = statements.slice(1).map(() => pick(rand, JOINS));
  if (style < 0.2) {
    // docker-library style: `set -eux; \` then one statement per line, `;`-separated.
    return `RUN set -eux; ${escape}\n    ${statements.join(`; ${escape}\n    `)}`;
  }
  const continued = style < 0.6;
  let text = `RUN ${statements[0]}`;
  statements.slice(1).forEach((next, i) => {
    const join = joins[i] ?? ' && ';
    text += continued ? `${join.trimEnd()} ${escape}\n    ${next}` : `${join}${next}`;
  });
  return text;
}

/** One generated Dockerfile. */
export function generateDockerfile(seed: number): string {
  const rand = prng(seed);
  const familyName = pick(rand, Object.keys(FAMILIES));
  const family = FAMILIES[familyName] as Family;
  const backtick = chance(rand, 0.08);
  const escape = backtick ? '`' : '\\';
  const lines: string[] = [];
  if (backtick) lines.push('# escape=`');
  lines.push(`FROM ${pick(rand, family.from)}`);
  if (chance(rand, 0.8)) lines.push('WORKDIR /app');
  if (family.setup.length > 0 && chance(rand, 0.8)) lines.push(pick(rand, family.setup));
  const items = 2 + Math.floor(rand() * 4);
  for (let i = 0; i < items; i++) {
    if (chance(rand, 0.2)) lines.push(pick(rand, BETWEEN));
    else {
      lines.push(runInstruction(rand, family, escape));
      // A cleanup in a RUN of its own, right after (sometimes with something between).
      if (family.cleanups && chance(rand, 0.2)) {
        if (chance(rand, 0.3)) lines.push(pick(rand, BETWEEN));
        lines.push(`RUN ${pick(rand, [...family.cleanups, 'rm -rf /tmp/*', 'rm -f /tmp/tool.tar.gz'])}`);
      }
    }
    if (chance(rand, 0.1)) lines.push('# a comment between instructions');
  }
  const text = `${lines.join('\n')}\n`;
  return chance(rand, 0.08) ? text.replace(/\n/g, '\r\n') : text;
}
