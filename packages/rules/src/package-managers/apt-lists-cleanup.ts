import { defineRule, type RunInstruction } from '@dockfix/core';
import { aptUpdates, firstListReaderAfter, mentionsListCleanup, removesAptLists, type ListReader } from '../lib/apt.js';
import { shippedStages } from '../lib/images.js';
import { onbuildTriggers } from '../lib/onbuild.js';
import { nonRootReason, planAppend } from '../lib/shell.js';
import { cacheMountCovers, descendantStages, inShippedStage, isTrigger, runsAsRoot } from '../lib/stages.js';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  meta: {
    id: 'apt-lists-cleanup',
    category: 'package-managers',
    severity: 'info',
    description: 'Delete the apt package lists in the same RUN as `apt-get update`',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3009', kind: 'same' }],
    docs: {
      rationale: [
        '`apt-get update` downloads the package indexes of every configured repository into',
        '`/var/lib/apt/lists`: 19 MB for Debian bookworm `main` alone (measured, lz4-compressed as the official',
        'images store them), several times that with `-updates`, `-security` and extra repositories. Once the',
        'packages are installed nothing in the image needs them, and a stale index is useless to the next',
        'build anyway. They must be deleted in the same `RUN`: a later `RUN rm` leaves them in the lower layer.',
        '',
        'Checked in the stages that ship (the final stage and the stages it builds on). A',
        '`RUN --mount=type=cache,target=/var/lib/apt/lists` (or `/var/lib/apt`) keeps the lists out of the image',
        'and counts as cleanup. hadolint accepts a mount of `/var/lib/apt` only together with one of',
        '`/var/cache/apt`; this rule accepts it alone, since `/var/cache/apt` holds the downloaded `.deb` files,',
        'not the lists. `aptitude update` fills the same lists and is checked too.',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        'FROM ubuntu:24.04\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends git\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n',
        'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\n\nFROM debian:bookworm-slim\nCOPY --from=build /usr/bin/gcc /usr/local/bin/\n',
      ],
      fixNotes: [
        'Safe: the fix appends ` && rm -rf /var/lib/apt/lists/*` to the end of the RUN that runs `apt-get update`',
        '(`sudo rm …` when the update runs through sudo), so it runs after everything else in that RUN and the',
        'RUN\'s exit status is unchanged.',
        '',
        'No fix is offered when a later RUN of the stage (or of a stage built on it) runs `apt-get install`,',
        '`apt-cache` or the like without its own `apt-get update`: it relies on these lists, and deleting them',
        'would make it fail with "Unable to locate package". Give that RUN its own update first',
        '(see `apt-update-separate`). Also none when USER is not root and the update does not use sudo, or the',
        'RUN ends in a heredoc, `exec` or a background job, and none when an `ONBUILD RUN apt-get install …`',
        'without its own update follows: child images install from these lists.',
      ].join('\n'),
    },
  },
  create(ctx) {
    /** The first RUN after `run` that reads the lists: later in its stage (its triggers, for a trigger), then in the stages built on it (as laterRuns orders them). */
    const firstReliant = (run: RunInstruction): ListReader | undefined => {
      const stage = run.stage;
      if (!stage) return undefined;
      if (isTrigger(run)) return firstListReaderAfter(stage.triggers, ctx.source, run.index);
      const own = firstListReaderAfter(stage.instructions, ctx.source, run.index);
      if (own) return own;
      for (const descendant of descendantStages(stage, ctx.model.stages)) {
        const found = firstListReaderAfter(descendant.instructions, ctx.source, -Infinity);
        if (found) return found;
      }
      return undefined;
    };
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || !inShippedStage(run, shipped)) return;
        const updates = aptUpdates(run);
        const update = updates.at(-1);
        if (!update) return;
        if (cacheMountCovers(run, '/var/lib/apt/lists')) return;
        if (script.commands.some(removesAptLists) || mentionsListCleanup(script.text)) return;
        const node = { start: update.toolWord.range.start, end: update.subcommand?.range.end ?? update.command.range.end };
        const message = `\`${update.tool} update\` leaves the package lists in this layer; delete them in the same RUN`;
        const reliant = firstReliant(run);
        // ONBUILD RUN triggers run in the child image, on top of this image's layers and lists (W9).
        const trigger = (run.stage ? onbuildTriggers(run.stage, ctx.source) : []).find(
          (t) => t.instruction.index > run.index && t.keyword === 'RUN' && /\b(apt-get|apt)\s+(-\S+\s+)*(install|source|build-dep)\b|\bapt-cache\b/.test(t.text) && !/\b(apt-get|apt)\s+(-\S+\s+)*update\b/.test(t.text),
        );
        if (trigger) {
          const line = ctx.source.lineColumnAt(trigger.instruction.range.start).line;
          ctx.report({ node, message, help: `No automatic fix: the ONBUILD RUN on line ${line} installs from these lists in child images; give it its own \`apt-get update\`.` });
          return;
        }
        if (reliant) {
          const line = ctx.source.lineColumnAt(reliant.run.range.start).line;
          ctx.report({ node, message, help: `No automatic fix: \`${reliant.reads}\` on line ${line} uses them; give it its own \`apt-get update\`.` });
          return;
        }
        const cleanup = update.sudo ? `sudo ${CLEANUP}` : CLEANUP;
        const why = nonRootReason(runsAsRoot(run), update.sudo);
        const plan = why ? { reason: why } : planAppend(ctx.fix, run, cleanup);
        if ('reason' in plan) {
          ctx.report({ node, message, help: `No automatic fix: ${plan.reason}.` });
          return;
        }
        ctx.report({ node, message, fix: { title: `Append \`&& ${cleanup}\` to the RUN`, edits: [plan.edit] } });
      },
    };
  },
});
