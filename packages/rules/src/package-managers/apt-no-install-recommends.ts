import { defineRule } from '@dockfix/core';
import { mayHideOptions } from '../lib/cli.js';
import { aptSkipsRecommends, parseApt, subcommandOf } from '../lib/packages.js';
import { configuredBefore } from '../lib/stages.js';

export default defineRule({
  meta: {
    id: 'apt-no-install-recommends',
    category: 'package-managers',
    severity: 'info',
    description: 'Pass `--no-install-recommends` to `apt-get install` to leave out packages that are only recommended',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL3015', kind: 'same' }],
    docs: {
      rationale: [
        'By default apt installs every package that the requested ones *recommend*, not just what they depend',
        'on. In a container those are mostly extras for interactive systems: documentation tools, man pages,',
        'editors, GUI helpers. They add size (often tens of MB, sometimes more than the package asked for),',
        'download time and CVEs to scan. `--no-install-recommends` installs only hard dependencies.',
        '',
        'The rule stays quiet when `-o APT::Install-Recommends=false` is given, when an earlier RUN of the stage',
        'writes an `Install-Recommends` setting (or a file is copied into `/etc/apt/apt.conf.d`), and when an',
        'argument like `$APT_OPTS` may carry the flag.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:bookworm-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      ],
      fixNotes: [
        'Unsafe: a recommended package can be one the application needs at run time without declaring it',
        '(`ca-certificates` recommended by `curl`, for example: without it HTTPS downloads fail). The fix inserts',
        '` --no-install-recommends` after `install`; add the packages that turn out to be needed by name.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        for (const command of script.commands) {
          const call = parseApt(command);
          if (!call?.subcommand || subcommandOf(call) !== 'install') continue;
          if (aptSkipsRecommends(call) || mayHideOptions(call)) continue;
          if (configuredBefore(run, ctx.source, /Install-Recommends/i, /^\/etc\/apt\/apt\.conf(\.d)?\b/)) continue;
          ctx.report({
            node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
            message: `\`${call.tool} install\` also installs recommended packages; add \`--no-install-recommends\``,
            fix: { title: 'Add `--no-install-recommends` after `install`', edits: [ctx.fix.insertAfter(call.subcommand, ' --no-install-recommends')] },
          });
        }
      },
    };
  },
});
