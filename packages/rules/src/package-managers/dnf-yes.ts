import { defineRule } from '@dockfix/core';
import { parseRpm, RPM_INSTALLING, rpmAssumesYes } from '../lib/packages.js';
import { YES_FIX_NOTES, yesRule } from '../lib/rpm-rules.js';

export default defineRule(
  yesRule({
    meta: {
      id: 'dnf-yes',
      description: 'Pass `-y` to `dnf install` so that it does not stop at the confirmation prompt',
      sources: [{ tool: 'hadolint', rule: 'DL3038', kind: 'same' }],
      docs: {
        rationale: [
          '`dnf install` asks "Is this ok [y/N]:" before it installs anything. A `docker build` has no terminal,',
          'so dnf reads end-of-file, answers no and exits 1: the build fails. `-y` (`--assumeyes`) answers yes',
          'up front. The rule also checks `reinstall`, `upgrade`, `downgrade`, `remove`, `autoremove`, `group`',
          'and `module` commands, and accepts `assumeyes` written to the dnf config earlier.',
          '',
          'Unlike hadolint\'s DL3038, `microdnf` is not reported: it never prompts, so `-y` changes nothing.',
        ].join('\n'),
        invalid: ['FROM fedora:40\nRUN dnf install python3 && dnf clean all\n'],
        valid: ['FROM fedora:40\nRUN dnf install -y python3 && dnf clean all\n', 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install python3 && microdnf clean all\n'],
        fixNotes: YES_FIX_NOTES,
      },
    },
    parse: (command) => parseRpm(command, ['dnf', 'dnf5', 'dnf-3']),
    prompting: RPM_INSTALLING,
    answered: rpmAssumesYes,
    config: /assumeyes/i,
    configDir: /^\/etc\/(yum|dnf)/,
    flag: () => ({ after: 'subcommand', text: '-y' }),
  }),
);
