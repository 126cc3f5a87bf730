import { defineRule } from '@dockfix/core';
import { parseRpm, RPM_INSTALLING, rpmAssumesYes } from '../lib/packages.js';
import { YES_FIX_NOTES, yesRule } from '../lib/rpm-rules.js';

export default defineRule(
  yesRule({
    meta: {
      id: 'yum-yes',
      description: 'Pass `-y` to `yum install` so that it does not stop at the confirmation prompt',
      sources: [{ tool: 'hadolint', rule: 'DL3030', kind: 'same' }],
      docs: {
        rationale: [
          '`yum install` asks "Is this ok [y/N]:" before it installs anything. A `docker build` has no terminal,',
          'so yum reads end-of-file, answers no and exits 1: the build fails. `-y` (`--assumeyes`) answers yes',
          'up front. The rule also checks `groupinstall`, `localinstall`, `reinstall`, `update`/`upgrade`,',
          '`downgrade`, `remove`/`erase` and `autoremove`, and accepts `assumeyes` written to the yum config earlier.',
        ].join('\n'),
        invalid: ['FROM centos:7\nRUN yum install httpd && yum clean all\n'],
        valid: ['FROM centos:7\nRUN yum install -y httpd && yum clean all\n'],
        fixNotes: YES_FIX_NOTES,
      },
    },
    parse: (command) => parseRpm(command, ['yum']),
    prompting: RPM_INSTALLING,
    answered: rpmAssumesYes,
    config: /assumeyes/i,
    configDir: /^\/etc\/(yum|dnf)/,
    flag: () => ({ after: 'subcommand', text: '-y' }),
  }),
);
