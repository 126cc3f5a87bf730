import { defineRule } from '@dockfix/core';
import { rmOperands } from '../lib/cli.js';
import { shippedStages } from '../lib/images.js';
import { isYarnProjectInstall, parseYarn, subcommandOf } from '../lib/packages.js';
import { planAppend } from '../lib/shell.js';
import { scriptLeavingCache } from '../lib/stages.js';
import { yarnFlavour } from '../lib/yarn.js';

export default defineRule({
  meta: {
    id: 'yarn-cache-clean',
    category: 'node',
    severity: 'info',
    description: 'Run `yarn cache clean` in the same RUN as `yarn install` in stages that ship',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3060', kind: 'same' }],
    docs: {
      rationale: [
        'Yarn 1 keeps a copy of every package it downloads in its global cache (`/usr/local/share/.cache/yarn`',
        'for root): typically as large as `node_modules` itself, and dead weight in an image. `yarn cache clean`',
        'in the same RUN deletes it; a later RUN cannot, because the earlier layer still holds the files. A',
        '`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn` keeps the cache out of the image and speeds',
        'up rebuilds.',
        '',
        'Checked in the stages that ship (the final stage and the stages it builds on), for `yarn`, `yarn install`',
        'and `yarn add` / `yarn global add`. A cache mount whose target mentions yarn counts as cleanup.',
      ].join('\n'),
      invalid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production\n',
        'FROM node:20-alpine\nRUN yarn global add serve\n',
      ],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n',
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n',
      ],
      fixNotes: [
        'The fix appends ` && yarn cache clean` to the end of the RUN. It is safe with Yarn 1, whose cache is only',
        'a download cache. With Yarn 2+ in Plug\'n\'Play mode the cache *is* the installed packages (the zip files',
        'that `.pnp.cjs` loads), and cleaning it breaks the application. So the fix is safe only when the stage',
        'shows no sign of Yarn 2+ and the whole build context (which could bring a `.yarnrc.yml`) was not copied',
        'before; otherwise it is offered as unsafe. Check `nodeLinker` in `.yarnrc.yml` before applying it then.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        const script = scriptLeavingCache(run, shipped, /yarn/i);
        if (!script) return;
        const calls = script.commands.map(parseYarn).filter((call) => call !== null);
        if (calls.some((call) => subcommandOf(call) === 'cache' && call.operands[0]?.value === 'clean')) return;
        if (script.commands.some((command) => (rmOperands(command) ?? []).some((path) => /\.cache\/yarn|\.yarn\/(berry\/)?cache/.test(path)))) return;
        const installs = calls.filter((call) => isYarnProjectInstall(call) || subcommandOf(call) === 'add' || (subcommandOf(call) === 'global' && call.operands[0]?.value === 'add'));
        const last = installs.at(-1);
        if (!last) return;
        const flavour = yarnFlavour(run, (range) => ctx.source.slice(range));
        const plan = planAppend(ctx.fix, run, 'yarn cache clean');
        const edit = 'edit' in plan ? plan.edit : null;
        const what = `yarn${last.subcommand ? ` ${subcommandOf(last) ?? ''}${subcommandOf(last) === 'global' ? ' add' : ''}` : ''}`;
        const message = `\`${what}\` leaves Yarn's download cache in the image; run \`yarn cache clean\` in the same RUN`;
        ctx.report({
          node: { start: last.toolWord.range.start, end: (last.subcommand ?? last.toolWord).range.end },
          message,
          ...('reason' in plan ? { help: `No automatic fix: ${plan.reason}.` } : {}),
          ...(edit
            ? {
                fix: {
                  title: `Append \`&& yarn cache clean\` to the RUN${flavour === 'classic' ? '' : ' (unsafe: with Yarn 2+ Plug\'n\'Play the cache holds the installed packages)'}`,
                  edits: [edit],
                  safety: flavour === 'classic' ? 'safe' : 'unsafe',
                },
              }
            : {}),
        });
      },
    };
  },
});
