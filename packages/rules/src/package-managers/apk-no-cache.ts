import { defineRule, type TextEdit } from '@dockfix/core';
import { apkCalls, removesOnlyApkCache } from '../lib/apk.js';
import { mayHideOptions } from '../lib/cli.js';
import { shippedStages } from '../lib/images.js';
import { apkNoCache, subcommandOf } from '../lib/packages.js';
import { removeChained } from '../lib/shell.js';
import { cacheMountCovers, inShippedStage } from '../lib/stages.js';

export default defineRule({
  meta: {
    id: 'apk-no-cache',
    category: 'package-managers',
    severity: 'info',
    description: 'Use `apk add --no-cache` instead of `apk update` / `--update` and deleting /var/cache/apk',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3019', kind: 'same' }],
    docs: {
      rationale: [
        '`apk update` and `apk add --update` store the repository indexes (`APKINDEX.*.tar.gz`, about 2 MB for',
        'Alpine `main` + `community`) in `/var/cache/apk`, and they stay in the layer unless the same RUN deletes',
        'them. `apk add --no-cache` fetches a fresh index, uses it, and keeps nothing: one flag instead of',
        '`apk update && … && rm -rf /var/cache/apk/*`.',
        '',
        'Checked in the stages that ship. A `RUN --mount=type=cache,target=/var/cache/apk` counts as cleanup.',
      ].join('\n'),
      invalid: [
        'FROM alpine:3.20\nRUN apk add curl\n',
        'FROM alpine:3.20\nRUN apk update && apk add git && rm -rf /var/cache/apk/*\n',
        'FROM alpine:3.20\nRUN apk add --update python3\n',
      ],
      valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n', 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n'],
      fixNotes: [
        'Safe: the fix adds `--no-cache` after `add` (or replaces a lone `--update` / `-U`, which `--no-cache`',
        'makes redundant: it always fetches a fresh index). When that leaves them pointless it also deletes, in',
        'the same RUN, an `apk update &&` before the add and an `&& rm -rf /var/cache/apk/*` after it. The same',
        'packages are installed; only the index files are no longer written. A later `apk add` without',
        '`--no-cache` does not depend on them: apk fetches a missing index by itself.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || !inShippedStage(run, shipped)) return;
        if (cacheMountCovers(run, '/var/cache/apk') || cacheMountCovers(run, '/etc/apk/cache')) return;
        const calls = apkCalls(run);
        const missing = calls.filter((call) => subcommandOf(call) === 'add' && !apkNoCache(call) && !mayHideOptions(call));
        for (const add of missing) {
          const subcommand = add.subcommand;
          if (!subcommand) continue;
          const edits: TextEdit[] = [];
          const updateFlag = add.options.filter((option) => (option.long ? option.name === 'update' || option.name === 'update-cache' : option.name === 'U'));
          const flag = updateFlag.length === 1 ? updateFlag[0]?.words[0] : undefined;
          edits.push(flag ? ctx.fix.replace(flag, '--no-cache') : ctx.fix.insertAfter(subcommand, ' --no-cache'));
          // When this is the one apk call that keeps an index, the `apk update &&` before it and an
          // `&& rm -rf /var/cache/apk/*` after it have nothing left to do: drop them too.
          const updates = calls.filter((call) => subcommandOf(call) === 'update');
          const onlyOne = missing.length === 1 && calls.every((call) => call === add || subcommandOf(call) === 'update' || (subcommandOf(call) === 'add' && apkNoCache(call)));
          if (onlyOne) {
            const removals = updates.map((update) =>
              update.command.range.end <= add.command.range.start && update.command.unconditional && update.options.length === 0 ? removeChained(run, update.command, ctx.fix) : null,
            );
            if (removals.every((edit) => edit !== null)) {
              edits.push(...(removals as TextEdit[]));
              for (const command of script.commands) {
                if (!removesOnlyApkCache(command) || command.range.start < add.command.range.end) continue;
                const edit = removeChained(run, command, ctx.fix);
                if (edit) edits.push(edit);
              }
            }
          }
          ctx.report({
            node: { start: add.toolWord.range.start, end: subcommand.range.end },
            message: '`apk add` without `--no-cache` leaves the package index in the image; use `apk add --no-cache`',
            fix: { title: `Use \`apk add --no-cache\`${edits.length > 1 ? ' and drop the update / cache removal it makes pointless' : ''}`, edits },
          });
        }
      },
    };
  },
});
