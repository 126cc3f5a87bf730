import { defineRule } from '@dockfix/core';
import { INSTALL_ALIASES, parseNpm, subcommandName } from '../lib/npm.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'npm-pin-versions',
    description: 'Pin versions in `npm install <pkg>` (`pkg@version`)',
    source: { tool: 'hadolint', rule: 'DL3016', kind: 'same' },
    docs: {
      rationale: 'Without a version, `npm install -g typescript` installs the newest release on the day of the build. Installs of the project itself (`npm install`, `npm ci`) follow the lockfile and are not checked.',
      invalid: ['FROM node:20-alpine\nRUN npm install -g pm2\n'],
      valid: ['FROM node:20-alpine\nRUN npm install -g pm2@5.4.2\n', 'FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\n'],
    },
    packages: (command) => {
      const npm = parseNpm(command);
      const name = npm && subcommandName(npm);
      if (!npm || name === null || !INSTALL_ALIASES.has(name)) return null;
      return { label: `npm ${name}`, words: npm.positionals.filter((word) => !/^(\.{0,2}\/|~|https?:|git(\+\w+)?:|github:|file:)|\.(tgz|tar\.gz)$/.test(word.value)) };
    },
    isPinned: (word) => /^(@[^/]+\/)?[^@]+@.+$/.test(word.value),
    example: '`pkg@version`',
  }),
);
