import { defineRule, type RuleContext, type RunInstruction } from '@dockfix/core';
import { aptUpdates, firstListReaderAfter } from '../lib/apt.js';
import { parseApt, subcommandOf } from '../lib/packages.js';
import { plan, planMove, sameFlags } from '../lib/merge.js';
import { isTrigger, sequenceOf } from '../lib/stages.js';

/** apt subcommands that use what `update` fetched. */
const USES_LISTS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall', 'satisfy']);

export default defineRule({
  meta: {
    id: 'apt-update-separate',
    category: 'package-managers',
    severity: 'warning',
    description: 'Run `apt-get update` in the same RUN as the `apt-get install` that needs it',
    fix: 'safe',
    sources: [{ tool: 'docker-docs', rule: 'apt-get', kind: 'inspired' }],
    docs: {
      rationale: [
        'Docker caches each `RUN` by its text. A `RUN apt-get update` on its own is cached the first time and',
        'never runs again, while a later `RUN apt-get install …` is rebuilt whenever its package list changes,',
        'against the index from the day the cache was made. Package versions in that index are deleted from',
        'the mirrors as security updates land, so the install fails with 404s or "Unable to locate package",',
        'or silently installs outdated packages. Docker\'s own best-practice guide calls this out: always',
        'combine `apt-get update` with `apt-get install` in the same `RUN`.',
        '',
        'The rule reports an `apt-get update` (or `apt update`) that has no install, upgrade or similar',
        'after it in the same `RUN`, when a later `RUN` of the stage installs without its own update.',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      ],
      valid: ['FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      fixNotes: [
        'The fix joins the update onto the first later RUN of the stage that reads the lists (`apt-get install`,',
        '`apt-cache`, …). When that RUN comes right after it, this is the `merge-run` join (` && \\` plus the',
        'second RUN\'s commands, grouped with `{ …; }` when needed): safe when both RUNs have the same flags and',
        'the first leaves nothing in its shell that the second would see (`cd`, `export`, `set -e`, …); unsafe',
        'otherwise. When other instructions sit between them the update moves past them (the update RUN is',
        'deleted and its commands start the installing RUN): unsafe, because an ENV, USER or COPY in between',
        '(a proxy setting, a new `sources.list`) can change what the update does. No fix when no later RUN of',
        'the stage uses the lists.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || !run.stage) return;
        const update = aptUpdates(run).filter((call) => subcommandOf(call) === 'update').at(-1);
        if (!update) return;
        const usedAfter = script.commands.some((command) => {
          if (command.range.start < update.command.range.end) return false;
          const call = parseApt(command, ['apt-get', 'apt', 'apt-cache', 'aptitude']);
          const sub = call && subcommandOf(call);
          return call !== null && (call.tool === 'apt-cache' || (sub !== null && USES_LISTS.has(sub)));
        });
        if (usedAfter) return;
        const node = { start: update.toolWord.range.start, end: update.subcommand?.range.end ?? update.command.range.end };
        const later = firstListReaderAfter(sequenceOf(run), ctx.source, run.index)?.run;
        // Without a later install there is no stale-index bug (a useless update is apt-lists-cleanup's
        // business), and an install hidden in a script or `xargs` may use it in this very RUN.
        if (!later) return;
        const line = ctx.source.lineColumnAt(later.range.start).line;
        const message = `\`${update.tool} update\` in its own RUN: the install on line ${line} can run against a stale cached index`;
        const adjacent = later.index === run.index + 1;
        const result = adjacent && sameFlags(ctx as RuleContext, run, later) ? plan(ctx as RuleContext, run, later) : planMove(ctx as RuleContext, run, later, 'second');
        if ('noFix' in result || isTrigger(run)) {
          ctx.report({ node, message, help: `No automatic fix: ${'noFix' in result ? result.noFix : 'ONBUILD triggers are not joined automatically'}.` });
          return;
        }
        const unsafeBecause = !adjacent ? 'instructions between them run before the update' : !sameFlags(ctx as RuleContext, run, later) ? 'the RUNs have different flags' : result.unsafeBecause;
        ctx.report({
          node,
          message,
          fix: {
            title: `Move \`${update.tool} update\` into the RUN on line ${line}${unsafeBecause ? ` (unsafe: ${unsafeBecause})` : ''}`,
            edits: result.edits,
            safety: unsafeBecause ? 'unsafe' : 'safe',
            instructionDelta: -1,
          },
        });
      },
    };
  },
});
