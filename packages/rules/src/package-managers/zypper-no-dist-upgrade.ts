import { defineRule } from '@dockfix/core';
import { parseZypper, subcommandOf } from '../lib/packages.js';

export default defineRule({
  meta: {
    id: 'zypper-no-dist-upgrade',
    category: 'package-managers',
    severity: 'warning',
    description: 'Do not run `zypper dist-upgrade` in a Dockerfile; use a newer base image',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3035', kind: 'same' }],
    docs: {
      rationale: [
        '`zypper dist-upgrade` (`dup`) moves the whole system to whatever the repositories hold today, including',
        'across distribution versions and vendor changes. The image then differs from its base in ways nobody',
        'reviewed, grows by every upgraded package (the old files stay in the base layers), and the result',
        'depends on the day of the build. Pull a newer tag of the base image instead, or `zypper patch` /',
        '`zypper update` specific packages.',
      ].join('\n'),
      invalid: ['FROM opensuse/tumbleweed\nRUN zypper -n dist-upgrade && zypper clean -a\n'],
      valid: ['FROM opensuse/leap:15.6\nRUN zypper -n patch && zypper clean -a\n'],
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          const call = parseZypper(command);
          const sub = call && subcommandOf(call);
          if (!call?.subcommand || (sub !== 'dist-upgrade' && sub !== 'dup')) continue;
          ctx.report({ node: { start: call.toolWord.range.start, end: call.subcommand.range.end }, message: `\`zypper ${sub}\` upgrades the whole distribution at build time; use a newer base image`, help: 'A build that upgrades every package is not reproducible and makes a large layer.' });
        }
      },
    };
  },
});
