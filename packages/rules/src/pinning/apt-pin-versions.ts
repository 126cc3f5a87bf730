import { defineRule } from '@dockfix/core';
import { packageOperands, parseApt, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'apt-pin-versions',
    description: 'Pin versions in `apt-get install` (`pkg=version`)',
    source: { tool: 'hadolint', rule: 'DL3008', kind: 'same' },
    docs: {
      rationale: 'Without a version, `apt-get install curl` installs whatever the mirror has on the day of the build, so two builds of the same Dockerfile can differ.',
      invalid: ['FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: ['FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n'],
    },
    packages: (command) => {
      const call = parseApt(command);
      return call && subcommandOf(call) === 'install' ? { label: `${call.tool} install`, words: packageOperands(call) } : null;
    },
    isPinned: (word) => word.value.includes('='),
    example: '`pkg=version`',
  }),
);
