import { defineRule } from '@dockfix/core';
import { INSTALL_ALIASES, parseNpm, subcommandName } from '../lib/npm.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'npm-pin-versions',
    description: 'Pin versions in `npm install <pkg>` (`pkg@version`)',
    source: { tool: 'hadolint', rule: 'DL3016', kind: 'same' },
    docs: {
      rationale: 'Without a version, `npm install -g typescript` installs the newest release on the day of the build. Installs of the project itself (`npm install`, `npm ci`) follow the lockfile and are not checked; a git URL (`git+ssh://…`) needs a `#commit-ish`.',
      invalid: ['FROM node:20-alpine\nRUN npm install -g pm2\n'],
      valid: ['FROM node:20-alpine\nRUN npm install -g pm2@5.4.2\n', 'FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\n'],
    },
    packages: (command) => {
      const npm = parseNpm(command);
      const name = npm && subcommandName(npm);
      if (!npm || name === null || !INSTALL_ALIASES.has(name)) return null;
      return { label: `npm ${name}`, words: npm.positionals.filter((word) => !/^(\.{0,2}\/|~|https?:|github:|file:)|\.(tgz|tar\.gz|tar)$/.test(word.value)) };
    },
    // A git URL (`git+ssh://…`, `git://…`) is pinned by its `#commit-ish` (`#v1.0.27`, `#semver:^5.0`).
    isPinned: (word) => (/^git(\+\w+)?:/.test(word.value) ? /#./.test(word.value) : /^(@[^/]+\/)?[^@]+@.+$/.test(word.value)),
    example: '`pkg@version`',
  }),
);
