import { defineRule } from '@dockfix/core';
import { parseRpm, rpmInstalls } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'dnf-pin-versions',
    description: 'Pin versions in `dnf install` (`pkg-version`)',
    source: { tool: 'hadolint', rule: 'DL3041', kind: 'same' },
    docs: {
      rationale: 'Without a version, `dnf install python3` installs whatever the repository has on the day of the build. Like hadolint, a name with `-<digit>` in it counts as pinned; `module install` needs a stream (`nodejs:20`); group installs are not checked. A name with a variable in it (`git-core-${VERSION}`) is not judged, also where hadolint finds the variable out of scope.',
      invalid: ['FROM fedora:40\nRUN dnf install -y python3 && dnf clean all\n'],
      valid: ['FROM fedora:40\nRUN dnf install -y python3-3.12.4 && dnf clean all\n'],
    },
    packages: (command) => {
      const call = parseRpm(command, ['dnf', 'dnf5', 'microdnf']);
      return call && rpmInstalls(call);
    },
    isPinned: (word) => /-\d|[=<>]/.test(word.value),
    example: '`pkg-version`',
  }),
);
