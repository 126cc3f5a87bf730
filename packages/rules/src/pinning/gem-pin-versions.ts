import { defineRule } from '@dockfix/core';
import { optionValue } from '../lib/cli.js';
import { packageOperands, parseGem, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'gem-pin-versions',
    description: 'Pin versions in `gem install` (`gem:version` or `-v version`)',
    source: { tool: 'hadolint', rule: 'DL3028', kind: 'same' },
    docs: {
      rationale: 'Without a version, `gem install bundler` installs the newest release on the day of the build, which may not work with the Ruby in the image.',
      invalid: ['FROM ruby:3.3-slim\nRUN gem install bundler\n'],
      valid: ['FROM ruby:3.3-slim\nRUN gem install bundler:2.5.16\n', 'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.16\n'],
    },
    packages: (command) => {
      const call = parseGem(command);
      if (!call || subcommandOf(call) !== 'install' || optionValue(call, ['v', 'version']) !== null) return null;
      return { label: 'gem install', words: packageOperands(call) };
    },
    isPinned: (word) => word.value.includes(':'),
    example: '`gem:version`',
  }),
);
