// Dockerfiles for the CLI tests, written against the built-in rules (packages/rules/src).

/**
 * The rules the CLI tests rely on. Tests that pin exact output select these, so a new rule
 * landing in the registry does not change what they see.
 */
export const KNOWN_RULES = ['npm-ci', 'npm-cache-clean', 'npm-omit-dev', 'no-root-user', 'merge-run'] as const;
export const SELECT_KNOWN = ['--select', KNOWN_RULES.join(',')] as const;

/**
 * Flags five problems: npm-omit-dev, npm-cache-clean and merge-run (DL3059) with safe fixes;
 * npm-ci and no-root-user (DL3002) with unsafe ones.
 */
export const NODE_APP = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm install --only=production',
  // not a build: build-without-dev-deps would report that after a production install
  'RUN node scripts/prepare.js',
  'COPY . .',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

/** NODE_APP with every problem fixed: nothing for the known rules to report. */
export const CLEAN_APP = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm ci --omit=dev && npm cache clean --force',
  'COPY . .',
  'USER node',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

/** Only merge-run (DL3059, severity info, safe fix). */
export const TWO_RUNS = ['FROM alpine:3.20', 'RUN apk add --no-cache curl', 'RUN apk add --no-cache git', 'USER nobody', 'CMD ["sh"]', ''].join('\n');

/** Only npm-omit-dev (a safe fix). */
export const OMIT_DEV_ONLY = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm ci --only=production && npm cache clean --force',
  'USER node',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

/** A Dockerfile of about `bytes` bytes: FROM, many comment lines, USER and CMD. */
export function largeDockerfile(bytes: number): string {
  const head = 'FROM alpine:3.20\n';
  const tail = 'USER nobody\nCMD ["sh"]\n';
  const line = `# padding ${'x'.repeat(69)}\n`; // 80 bytes
  const count = Math.ceil((bytes - head.length - tail.length) / line.length);
  return head + line.repeat(count) + tail;
}
