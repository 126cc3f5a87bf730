import { defineRule } from '@dockfix/core';
import { subcommandOf, parseZypper, ZYPPER_INSTALLING, zypperNonInteractive } from '../lib/packages.js';
import { YES_FIX_NOTES, yesRule } from '../lib/rpm-rules.js';

/** Subcommands that take `-y` / `--no-confirm` themselves; the others get the global `-n`. */
const TAKES_Y = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup']);

export default defineRule(
  yesRule({
    meta: {
      id: 'zypper-yes',
      description: 'Run zypper non-interactively (`zypper install -y`, or `zypper -n …`)',
      sources: [{ tool: 'hadolint', rule: 'DL3034', kind: 'same' }],
      docs: {
        rationale: [
          'zypper asks "Continue? [y/n/v/...? shows all options] (y):" before it changes anything. A `docker build`',
          'has no terminal, so the build fails or hangs on it. `-y` / `--no-confirm` after the subcommand, or the',
          'global `-n` / `--non-interactive`, answers for it.',
        ].join('\n'),
        invalid: ['FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean -a\n'],
        valid: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean -a\n', 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean -a\n'],
        fixNotes: [
          'Inserts ` -y` after `install`, `remove`, `update`, `patch` or `dist-upgrade` (and their short forms), and',
          'the global ` -n` after `zypper` for the other installing subcommands.',
          '',
          YES_FIX_NOTES,
        ].join('\n'),
      },
    },
    parse: parseZypper,
    prompting: ZYPPER_INSTALLING,
    answered: zypperNonInteractive,
    config: /\bnon-?interactive\b/i,
    configDir: /^\/etc\/zypp/,
    flag: (call) => (TAKES_Y.has(subcommandOf(call) ?? '') ? { after: 'subcommand', text: '-y' } : { after: 'tool', text: '-n' }),
  }),
);
