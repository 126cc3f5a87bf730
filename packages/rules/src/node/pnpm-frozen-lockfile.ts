import { defineRule } from '@dockfix/core';
import { hasOption, mayHideOptions } from '../lib/cli.js';
import { isPnpmProjectInstall, parsePnpm } from '../lib/packages.js';
import { configuredBefore } from '../lib/stages.js';

export default defineRule({
  meta: {
    id: 'pnpm-frozen-lockfile',
    category: 'node',
    severity: 'warning',
    description: 'Install with `pnpm install --frozen-lockfile` so the lockfile is followed exactly',
    fix: 'unsafe',
    docs: {
      rationale: [
        'Outside CI, `pnpm install` updates `pnpm-lock.yaml` when it does not match `package.json` and installs',
        'what it resolves, so two builds of the same commit can ship different dependencies. With',
        '`--frozen-lockfile` pnpm installs exactly the locked versions and fails when the lockfile is out of date.',
        'pnpm turns this on by itself when the `CI` variable is set, which a `docker build` does not do.',
        '',
        'The rule looks at project installs (`pnpm install`, `pnpm i` without package names). It accepts',
        '`--frozen-lockfile` (and an explicit `--no-frozen-lockfile`), `CI=true` set earlier, and a',
        '`frozen-lockfile` setting written earlier.',
      ].join('\n'),
      invalid: ['FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --prod\n'],
      valid: ['FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile --prod\n'],
      fixNotes: [
        'Unsafe: the build now fails when `pnpm-lock.yaml` is missing or out of date, which is the point, but a',
        'build that passed before may stop passing. The fix inserts ` --frozen-lockfile` after `install`.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        for (const command of script.commands) {
          const call = parsePnpm(command);
          if (!call?.subcommand || !isPnpmProjectInstall(call) || mayHideOptions(call)) continue;
          if (hasOption(call, { long: ['frozen-lockfile', 'no-frozen-lockfile'] })) continue;
          if (command.assignments.some((word) => /^CI=/.test(word.text))) continue;
          if (configuredBefore(run, ctx.source, /frozen-lockfile|\bCI[= ]["']?(true|1)\b/)) continue;
          ctx.report({
            node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
            message: '`pnpm install` may update the lockfile and install other versions; add `--frozen-lockfile`',
            fix: { title: 'Add `--frozen-lockfile` after `install`', edits: [ctx.fix.insertAfter(call.subcommand, ' --frozen-lockfile')] },
          });
        }
      },
    };
  },
});
