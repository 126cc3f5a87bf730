import { defineRule } from '@dockfix/core';
import { parseRpm, rpmInstalls } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'yum-pin-versions',
    description: 'Pin versions in `yum install` (`pkg-version`)',
    source: { tool: 'hadolint', rule: 'DL3033', kind: 'same' },
    docs: {
      rationale: 'Without a version, `yum install httpd` installs whatever the repository has on the day of the build. Like hadolint, a name with `-<digit>` in it counts as pinned; `module install` needs a stream (`nodejs:20`); group installs (`@group`) are not checked. A name with a variable in it (`git-core-${VERSION}`) is not judged, also where hadolint finds the variable out of scope.',
      invalid: ['FROM centos:7\nRUN yum install -y httpd && yum clean all\n'],
      valid: ['FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n'],
    },
    packages: (command) => {
      const call = parseRpm(command, ['yum']);
      return call && rpmInstalls(call);
    },
    isPinned: (word) => /-\d|[=<>]/.test(word.value),
    example: '`pkg-version`',
  }),
);
