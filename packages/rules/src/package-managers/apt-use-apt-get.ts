import { defineRule } from '@dockfix/core';
import { parseApt, subcommandOf } from '../lib/packages.js';

/** `apt` subcommands and what says the same in the stable tools. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  install: 'apt-get',
  update: 'apt-get',
  remove: 'apt-get',
  purge: 'apt-get',
  autoremove: 'apt-get',
  reinstall: 'apt-get',
  clean: 'apt-get',
  autoclean: 'apt-get',
  'build-dep': 'apt-get',
  source: 'apt-get',
  download: 'apt-get',
  search: 'apt-cache',
  show: 'apt-cache',
  policy: 'apt-cache',
  depends: 'apt-cache',
  rdepends: 'apt-cache',
};

export default defineRule({
  meta: {
    id: 'apt-use-apt-get',
    category: 'package-managers',
    severity: 'warning',
    description: 'Use `apt-get` or `apt-cache` in scripts instead of `apt`',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL3027', kind: 'same' }],
    docs: {
      rationale: [
        '`apt` is the front end for people at a terminal. Its output and options may change between releases',
        '(it prints "WARNING: apt does not have a stable CLI interface. Use with caution in scripts." on every',
        'build), it draws progress bars into the build log, and some defaults differ from `apt-get`: `apt',
        'upgrade` installs new dependencies where `apt-get upgrade` does not. `apt-get` and `apt-cache` are the',
        'stable, scriptable interfaces.',
      ].join('\n'),
      invalid: ['FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: ['FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      fixNotes: [
        'Unsafe, although hadolint\'s notes call the install/update/remove case safe: `apt` deletes downloaded',
        '`.deb` files after installing (`APT::Keep-Downloaded-Packages` is false for `apt` only), while `apt-get`',
        'keeps them in `/var/cache/apt/archives` unless the image configures otherwise (the official Debian and',
        'Ubuntu images do). On other bases the switch can make the image larger, so it is not "only style".',
        'The fix replaces the word `apt` with `apt-get` for `install`, `update`, `remove`, `purge`, `autoremove`,',
        '`reinstall`, `clean`, `autoclean`, `build-dep`, `source` and `download`, and with `apt-cache` for `search`,',
        '`show`, `policy`, `depends` and `rdepends`. `apt upgrade`, `full-upgrade` and `list` have no exact',
        'equivalent and get no fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        for (const command of script.commands) {
          const call = parseApt(command, ['apt']);
          if (!call) continue;
          const sub = subcommandOf(call);
          const replacement = sub ? REPLACEMENTS[sub] : undefined;
          const node = { start: call.toolWord.range.start, end: call.subcommand?.range.end ?? call.toolWord.range.end };
          const message = `\`apt${sub ? ` ${sub}` : ''}\` is meant for interactive use; use \`${replacement ?? 'apt-get'}\` in a Dockerfile`;
          // Only a bare `apt` (or a path ending in it) is replaced; the word is rewritten in place.
          const edit = replacement ? ctx.fix.replace(call.toolWord, call.toolWord.text.replace(/apt$/, replacement)) : null;
          ctx.report({ node, message, ...(edit ? { fix: { title: `Replace \`apt\` with \`${replacement}\``, edits: [edit] } } : {}) });
        }
      },
    };
  },
});
