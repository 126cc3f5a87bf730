import { defineRule } from '@dockfix/core';
import { parseRpm, RPM_INSTALLING } from '../lib/packages.js';
import { cleanRule, isClean, removesUnder } from '../lib/rpm-rules.js';

const CACHE = ['/var/cache/yum'];

export default defineRule(
  cleanRule({
    meta: {
      id: 'yum-clean-all',
      description: 'Run `yum clean all` in the same RUN as `yum install`',
      sources: [{ tool: 'hadolint', rule: 'DL3032', kind: 'same' }],
      docs: {
        rationale: [
          'yum keeps repository metadata and downloaded packages in `/var/cache/yum`; after an install that is',
          'commonly tens of MB (the metadata of the base, updates and EPEL repositories alone), dead weight in',
          'the layer. `yum clean all` in the same RUN removes it; a later RUN cannot, because the earlier layer',
          'still holds the files.',
          '',
          'Checked in the stages that ship. `rm -rf /var/cache/yum` and a `RUN --mount=type=cache,target=/var/cache/yum`',
          'count as cleanup.',
        ].join('\n'),
        invalid: ['FROM centos:7\nRUN yum install -y httpd\n'],
        valid: ['FROM centos:7\nRUN yum install -y httpd && yum clean all\n', 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n'],
        fixNotes: [
          'Safe: appends ` && yum clean all` to the end of the RUN, after everything else in it, so the exit status',
          'is unchanged. Later yum commands download fresh metadata. No fix when the RUN ends in a heredoc, `exec`',
          'or a background job, or runs as a non-root USER without sudo.',
        ].join('\n'),
      },
    },
    parse: (command) => parseRpm(command, ['yum']),
    filling: RPM_INSTALLING,
    cleans: (command) => isClean(parseRpm(command, ['yum']), true) || removesUnder(command, CACHE),
    sibling: { runs: (command) => parseRpm(command, ['dnf', 'dnf5', 'microdnf']) !== null, cleans: (command) => isClean(parseRpm(command, ['dnf', 'dnf5', 'microdnf']), true) },
    cleanText: /\byum\s+clean\s+all\b|\/var\/cache\/yum/,
    cacheDirs: CACHE,
    cleanup: () => 'yum clean all',
  }),
);
