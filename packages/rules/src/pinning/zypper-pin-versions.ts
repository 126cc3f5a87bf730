import { defineRule } from '@dockfix/core';
import { packageOperands, parseZypper, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'zypper-pin-versions',
    description: 'Pin versions in `zypper install` (`pkg=version`, `pkg>=version`)',
    source: { tool: 'hadolint', rule: 'DL3037', kind: 'same' },
    docs: {
      rationale: 'Without a version, `zypper install curl` installs whatever the repository has on the day of the build.',
      invalid: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean -a\n'],
      valid: ['FROM opensuse/leap:15.6\nRUN zypper install -y "curl=8.6.0" && zypper clean -a\n'],
    },
    packages: (command) => {
      const call = parseZypper(command);
      const sub = call && subcommandOf(call);
      return call && (sub === 'install' || sub === 'in') ? { label: `zypper ${sub}`, words: packageOperands(call) } : null;
    },
    isPinned: (word) => /[=<>]/.test(word.value),
    example: '`pkg=version`',
  }),
);
