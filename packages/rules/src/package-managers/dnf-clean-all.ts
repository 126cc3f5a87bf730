import { defineRule } from '@dockfix/core';
import { parseRpm, RPM_INSTALLING } from '../lib/packages.js';
import { cleanRule, isClean, removesUnder } from '../lib/rpm-rules.js';

const TOOLS = ['dnf', 'dnf5', 'dnf-3', 'microdnf'];
const CACHE = ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'];

export default defineRule(
  cleanRule({
    meta: {
      id: 'dnf-clean-all',
      description: 'Run `dnf clean all` (or `microdnf clean all`) in the same RUN as the install',
      sources: [{ tool: 'hadolint', rule: 'DL3040', kind: 'same' }],
      docs: {
        rationale: [
          'dnf and microdnf keep repository metadata and downloaded packages in `/var/cache/dnf` (microdnf and older',
          'dnf: `/var/cache/yum`); on Fedora the metadata alone is often well over 100 MB. `dnf clean all` in the',
          'same RUN removes it; a later RUN cannot, because the earlier layer still holds the files.',
          '',
          'Checked in the stages that ship. `rm -rf /var/cache/dnf` (or `/var/cache/yum`) and a cache mount on',
          'those directories count as cleanup.',
        ].join('\n'),
        invalid: ['FROM fedora:40\nRUN dnf install -y python3\n', 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y python3\n'],
        valid: ['FROM fedora:40\nRUN dnf install -y python3 && dnf clean all\n'],
        fixNotes: [
          'Safe: appends ` && dnf clean all` (` && microdnf clean all` after microdnf) to the end of the RUN, after',
          'everything else in it, so the exit status is unchanged. Later installs download fresh metadata.',
        ].join('\n'),
      },
    },
    parse: (command) => parseRpm(command, TOOLS),
    filling: RPM_INSTALLING,
    cleans: (command) => isClean(parseRpm(command, TOOLS), true) || removesUnder(command, CACHE),
    sibling: { runs: (command) => parseRpm(command, ['yum']) !== null, cleans: (command) => isClean(parseRpm(command, ['yum']), true) },
    cleanText: /\b(micro)?dnf5?\s+clean\s+all\b|\/var\/cache\/(dnf|yum|libdnf5)/,
    cacheDirs: CACHE,
    cleanup: (call) => `${call.tool === 'microdnf' ? 'microdnf' : call.tool} clean all`,
  }),
);
