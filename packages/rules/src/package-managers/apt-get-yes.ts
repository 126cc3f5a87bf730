import { defineRule } from '@dockfix/core';
import { hasOption, mayHideOptions } from '../lib/cli.js';
import { APT_PROMPTING, aptAssumesYes, parseApt, subcommandOf } from '../lib/packages.js';
import { failureFailsRun } from '../lib/shell.js';
import { configuredBefore } from '../lib/stages.js';

/** `yes | apt-get install …`: the prompt is answered. */
const ANSWERED = /\byes(\s+\S+)?\s*\|\s*$/;

export default defineRule({
  meta: {
    id: 'apt-get-yes',
    category: 'package-managers',
    severity: 'warning',
    description: 'Pass `-y` to `apt-get install` so that it does not stop at the confirmation prompt',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3014', kind: 'same' }],
    docs: {
      rationale: [
        '`apt-get install` asks "Do you want to continue? [Y/n]" whenever it has to install more than the packages',
        'named (dependencies) or remove something. A `docker build` has no terminal: apt reads end-of-file,',
        'prints `Abort.` and exits 1, so the build fails, or, worse, passes today and fails the day a',
        'package gains a dependency. `-y` (`--yes`, `--assume-yes`) answers yes up front.',
        '',
        'The rule checks `apt-get` and `apt` with `install`, `upgrade`, `dist-upgrade`, `full-upgrade`,',
        '`remove`, `purge`, `autoremove`, `build-dep` and `reinstall`. It accepts `-y`, `--yes`, `--assume-yes`,',
        '`-qq` / `-q=2` (which imply `-y`), `-o APT::Get::Assume-Yes=true`, a `yes |` in front, and an',
        '`APT::Get::Assume-Yes` setting written earlier in the stage. It stays quiet when an argument such as',
        '`$APT_OPTS` may carry the flag at build time, and for `-s`/`--simulate`/`--dry-run`, which never prompt.',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM ubuntu:24.04\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install --no-install-recommends ca-certificates; \\\n    rm -rf /var/lib/apt/lists/*\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:bookworm-slim\nRUN apt-get update -qq && apt-get install -qq curl && rm -rf /var/lib/apt/lists/*\n',
      ],
      fixNotes: [
        'The fix inserts ` -y` right after the subcommand (`apt-get install -y curl`). Where apt would not have',
        'asked, `-y` changes nothing; where it would have asked, apt aborted. That abort failed the build, so no',
        'working image can change, whenever the command\'s failure fails the RUN: it runs unconditionally, not in',
        'a pipeline or subshell, not before `||`, and either `set -e` is on and it ends its `&&` chain, or only',
        '`&& …` follows it to the end of the RUN. Then the fix is safe. Otherwise (`apt-get install x; echo done`',
        'without `set -e`, inside `if`, after `||`) a build may have passed while apt aborted, and now installs',
        'the packages: the fix is offered as unsafe. The differential test found this case.',
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
          const sub = call && subcommandOf(call);
          if (!call?.subcommand || !sub || !APT_PROMPTING.has(sub)) continue;
          if (aptAssumesYes(call) || mayHideOptions(call)) continue;
          // `-s` only simulates and never prompts (postgres probes `apt-get install -s pkg` inside an `if`).
          if (hasOption(call, { long: ['simulate', 'just-print', 'dry-run', 'recon', 'no-act'], short: ['s'] })) continue;
          if (command.inPipeline && ANSWERED.test(ctx.source.text.slice(run.range.start, command.range.start))) continue;
          if (configuredBefore(run, ctx.source, /Assume-Yes/i, /^\/etc\/apt\/apt\.conf(\.d)?\b/)) continue;
          const safe = failureFailsRun(run, command);
          ctx.report({
            node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
            message: `\`${call.tool} ${sub}\` without \`-y\` aborts at apt's confirmation prompt in a non-interactive build`,
            fix: {
              title: `Add \`-y\` after \`${call.tool} ${sub}\`${safe ? '' : ' (unsafe: the RUN goes on when this command fails, so today\'s build may skip it)'}`,
              edits: [ctx.fix.insertAfter(call.subcommand, ' -y')],
              safety: safe ? 'safe' : 'unsafe',
            },
          });
        }
      },
    };
  },
});
