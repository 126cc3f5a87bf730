import { defineRule, type RunInstruction, type Stage, type TextEdit } from '@dockfix/core';
import { apkCalls, removesOnlyApkCache } from '../lib/apk.js';
import { mayHideOptions, type CliCall } from '../lib/cli.js';
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
        '`--no-cache` does not depend on them: apk fetches a missing index by itself. For the same reason an',
        '`apk update` before adds that all use `--no-cache` is reported and removed: it only leaves an index behind.',
      ].join('\n'),
    },
  },
  create(ctx) {
    let shipped: ReadonlySet<Stage> | undefined;
    const reportRedundantUpdates = (run: RunInstruction, calls: readonly CliCall[]) => {
      if (!calls.every((call) => ['add', 'update'].includes(subcommandOf(call) ?? '') && (subcommandOf(call) === 'update' || apkNoCache(call)))) return;
      const firstAdd = calls.find((call) => subcommandOf(call) === 'add');
      for (const update of calls.filter((call) => subcommandOf(call) === 'update')) {
        if (!firstAdd || update.command.range.end > firstAdd.command.range.start || !update.subcommand) continue;
        const edit = update.command.unconditional && update.options.length === 0 ? removeChained(run, update.command, ctx.fix) : null;
        ctx.report({
          node: { start: update.toolWord.range.start, end: update.subcommand.range.end },
          message: '`apk update` before `apk add --no-cache` only leaves an index in the image',
          help: '`apk add --no-cache` fetches a fresh index itself and does not keep it.',
          ...(edit ? { fix: { title: 'Remove `apk update`', edits: [edit] } } : {}),
        });
      }
    };
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        // Few RUNs call apk: ask that before the stage and the cache mounts.
        const calls = apkCalls(run);
        if (calls.length === 0) return;
        shipped ??= shippedStages(ctx.model.stages);
        if (!inShippedStage(run, shipped)) return;
        if (cacheMountCovers(run, '/var/cache/apk') || cacheMountCovers(run, '/etc/apk/cache')) return;
        const missing = calls.filter((call) => subcommandOf(call) === 'add' && !apkNoCache(call) && !mayHideOptions(call));
        // `apk update && apk add --no-cache x`: the add fetches its own index, so the update only leaves one in the layer.
        if (missing.length === 0 && calls.some((call) => subcommandOf(call) === 'add')) reportRedundantUpdates(run, calls);
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
