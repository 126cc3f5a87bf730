import { defineRule } from '@dockfix/core';
import { mayHideOptions } from '../lib/cli.js';
import { baseImageOf, officialName } from '../lib/images.js';
import { aptSkipsRecommends, packageOperands, parseApt, subcommandOf } from '../lib/packages.js';
import { configuredBefore } from '../lib/stages.js';

/** Packages that only *recommend* `ca-certificates` and are installed to download over HTTPS. */
const NEEDS_CA_CERTIFICATES = new Set(['curl', 'wget', 'git']);

/** Official images whose Debian/Ubuntu variants install `ca-certificates` themselves. */
const SHIPS_CA_CERTIFICATES = new Set([
  'buildpack-deps', 'php', 'python', 'node', 'golang', 'ruby', 'rust', 'gcc', 'perl', 'openjdk', 'eclipse-temurin', 'maven', 'gradle', 'tomcat', 'julia', 'haskell', 'elixir', 'erlang',
]);

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
        'Unsafe: a recommended package can be one the application needs at run time without declaring it.',
        'The fix inserts ` --no-install-recommends` after `install`; add the packages that turn out to be',
        'needed by name. One it adds itself: `ca-certificates`, which `curl`, `wget` and `git` only recommend,',
        'so that without it every HTTPS download fails (`curl: (77)`) on `debian:*-slim` and `ubuntu`; the fix',
        'names it unless the RUN or an earlier one of the stage already mentions it, or the base is an official',
        'image that installs it (`python`, `node`, `php`, `golang`, `buildpack-deps`, …).',
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
          // Found in review of fix --unsafe on the corpus: `curl`/`wget` on debian:trixie-slim lost their CA
          // bundle with the recommends, and the next HTTPS download failed the build.
          const downloader = packageOperands(call).find((word) => NEEDS_CA_CERTIFICATES.has(word.value.split('=')[0] ?? ''));
          const base = run.stage ? baseImageOf(run.stage).image : null;
          const withCerts =
            downloader !== undefined &&
            !(base && SHIPS_CA_CERTIFICATES.has(officialName(base))) &&
            !/\bca-certificates\b/.test(ctx.source.slice(run.range)) &&
            !configuredBefore(run, ctx.source, /\bca-certificates\b/);
          ctx.report({
            node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
            message: `\`${call.tool} install\` also installs recommended packages; add \`--no-install-recommends\``,
            fix: withCerts
              ? {
                  title: `Add \`--no-install-recommends ca-certificates\` after \`install\` (\`${downloader.value}\` only recommends the CA bundle)`,
                  edits: [ctx.fix.insertAfter(call.subcommand, ' --no-install-recommends ca-certificates')],
                }
              : { title: 'Add `--no-install-recommends` after `install`', edits: [ctx.fix.insertAfter(call.subcommand, ' --no-install-recommends')] },
          });
        }
      },
    };
  },
});
