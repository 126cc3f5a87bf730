import { defineRule } from '@dockfix/core';
import { hasOption, mayHideOptions } from '../lib/cli.js';
import { isYarnProjectInstall, parseYarn } from '../lib/packages.js';
import { configuredBefore } from '../lib/stages.js';
import { yarnFlavour } from '../lib/yarn.js';

export default defineRule({
  meta: {
    id: 'yarn-frozen-lockfile',
    category: 'node',
    severity: 'warning',
    description: 'Install with `yarn install --frozen-lockfile` (Yarn 1) or `--immutable` (Yarn 2+) so the lockfile is followed exactly',
    fix: 'unsafe',
    docs: {
      rationale: [
        'A plain `yarn install` resolves again whatever `yarn.lock` does not pin (or what no longer matches',
        '`package.json`) and rewrites the lockfile inside the image, so two builds of the same commit can ship',
        'different dependencies. `--frozen-lockfile` (Yarn 1) and `--immutable` (Yarn 2+) install exactly the',
        'locked versions and fail when the lockfile is out of date: the `npm ci` of Yarn.',
        '',
        'The rule looks at project installs (`yarn`, `yarn install`), not `yarn add` or `yarn global add`. It',
        'accepts `--frozen-lockfile`, `--immutable`, and `YARN_ENABLE_IMMUTABLE_INSTALLS` or `CI=true` set earlier',
        '(Yarn 2+ turns immutable installs on in CI).',
      ].join('\n'),
      invalid: ['FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install && yarn cache clean\n'],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
        'FROM node:20-alpine\nRUN yarn global add serve && yarn cache clean\n',
      ],
      fixNotes: [
        'Unsafe: the build now fails when `yarn.lock` is missing or out of date with `package.json`, which is the',
        'point, but a build that passed before may stop passing. The fix inserts `--frozen-lockfile` after',
        '`install` (after `yarn` when there is no subcommand); it inserts `--immutable` instead when the stage',
        'shows signs of Yarn 2+ (corepack, `yarn set version`, a copied `.yarnrc.yml` or `.yarn/`). Yarn 2+',
        'still accepts `--frozen-lockfile`, with a deprecation warning.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        for (const command of script.commands) {
          const call = parseYarn(command);
          if (!call || !isYarnProjectInstall(call) || mayHideOptions(call)) continue;
          if (hasOption(call, { long: ['frozen-lockfile', 'immutable', 'no-frozen-lockfile', 'no-immutable'] })) continue;
          if (command.assignments.some((word) => /^(YARN_ENABLE_IMMUTABLE_INSTALLS|CI)=/.test(word.text))) continue;
          if (configuredBefore(run, ctx.source, /YARN_ENABLE_IMMUTABLE_INSTALLS|enableImmutableInstalls|frozen-lockfile|\bCI[= ]["']?(true|1)\b/)) continue;
          const flag = yarnFlavour(run, (range) => ctx.source.slice(range)) === 'berry' ? '--immutable' : '--frozen-lockfile';
          const anchor = call.subcommand ?? call.toolWord;
          ctx.report({
            node: { start: call.toolWord.range.start, end: anchor.range.end },
            message: `\`yarn${call.subcommand ? ' install' : ''}\` may resolve versions other than yarn.lock's; add \`${flag}\``,
            fix: { title: `Add \`${flag}\``, edits: [ctx.fix.insertAfter(anchor, ` ${flag}`)] },
          });
        }
      },
    };
  },
});
