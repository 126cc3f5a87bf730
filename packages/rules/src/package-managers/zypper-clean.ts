import { defineRule } from '@dockfix/core';
import { parseZypper, ZYPPER_INSTALLING } from '../lib/packages.js';
import { cleanRule, isClean, removesUnder } from '../lib/rpm-rules.js';

const CACHE = ['/var/cache/zypp'];
/** zypper subcommands that fill the cache (removing packages does not download anything). */
const FILLING = new Set([...ZYPPER_INSTALLING].filter((sub) => sub !== 'remove' && sub !== 'rm'));

export default defineRule(
  cleanRule({
    meta: {
      id: 'zypper-clean',
      description: 'Run `zypper clean` in the same RUN as `zypper install`',
      sources: [{ tool: 'hadolint', rule: 'DL3036', kind: 'same' }],
      docs: {
        rationale: [
          'zypper keeps repository metadata and downloaded packages in `/var/cache/zypp`: tens of MB after an',
          'install from the openSUSE repositories. `zypper clean -a` in the same RUN removes both; a later RUN',
          'cannot, because the earlier layer still holds the files.',
          '',
          'Checked in the stages that ship. Any `zypper clean` / `zypper cc`, `rm -rf /var/cache/zypp` and a cache',
          'mount on it count as cleanup.',
        ].join('\n'),
        invalid: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl\n'],
        valid: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean -a\n'],
        fixNotes: 'Safe: appends ` && zypper clean -a` to the end of the RUN, so the exit status is unchanged. Later zypper commands refresh the metadata.',
      },
    },
    parse: parseZypper,
    filling: FILLING,
    cleans: (command) => isClean(parseZypper(command), false) || removesUnder(command, CACHE),
    cleanText: /\bzypper\s+(-\S+\s+)*(clean|cc)\b|\/var\/cache\/zypp/,
    cacheDirs: CACHE,
    cleanup: () => 'zypper clean -a',
  }),
);
