import { defineRule } from '@dockfix/core';
import { rmOperands } from '../lib/cli.js';
import { shippedStages } from '../lib/images.js';
import { isPnpmProjectInstall, parsePnpm, subcommandOf } from '../lib/packages.js';
import { planAppend } from '../lib/shell.js';
import { configuredBefore, scriptLeavingCache } from '../lib/stages.js';

export default defineRule({
  meta: {
    id: 'pnpm-store-prune',
    category: 'node',
    severity: 'info',
    description: 'Run `pnpm store prune` after `pnpm install` / `pnpm fetch` in stages that ship, or use a cache mount for the store',
    fix: 'safe',
    docs: {
      rationale: [
        'pnpm downloads packages into its content-addressable store (`/root/.local/share/pnpm/store` for root)',
        'and hard-links them into `node_modules`. Linked files cost nothing extra in a layer, but the store also',
        'keeps its index and every package no project links: the devDependencies that `pnpm fetch` downloaded',
        'before a `pnpm install --prod --offline`, other platforms\' optional packages, earlier versions. `pnpm',
        'store prune` deletes exactly those. Better still, `RUN --mount=type=cache,id=pnpm,target=/pnpm/store`',
        'with `pnpm config set store-dir /pnpm/store` keeps the store out of the image and speeds up rebuilds.',
        '',
        'Checked in the stages that ship. A cache mount whose target mentions pnpm counts as cleanup.',
      ].join('\n'),
      invalid: ['FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm fetch && pnpm install --offline --frozen-lockfile --prod\n'],
      valid: [
        'FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile --prod && pnpm store prune\n',
        'FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile --prod\n',
      ],
      fixNotes: [
        'Safe: appends ` && pnpm store prune` to the end of the RUN. pnpm documents the command as having no side',
        'effects on projects: it removes only packages that no project on the system references, so everything',
        'linked into `node_modules` stays.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        const script = scriptLeavingCache(run, shipped, /pnpm/i);
        if (!script) return;
        const calls = script.commands.map(parsePnpm).filter((call) => call !== null);
        // Looked for first: almost no RUN installs with pnpm, and the checks below are then moot.
        const installs = calls.filter((call) => isPnpmProjectInstall(call) || subcommandOf(call) === 'fetch' || subcommandOf(call) === 'add');
        const last = installs.at(-1);
        if (!last?.subcommand) return;
        if (calls.some((call) => subcommandOf(call) === 'store' && call.operands[0]?.value === 'prune')) return;
        if (script.commands.some((command) => (rmOperands(command) ?? []).some((path) => /pnpm(\/store)?\/?\*?$|\.pnpm-store/.test(path)))) return;
        // A store directory set up for a cache mount in an earlier RUN of the stage (`pnpm config set store-dir`).
        if (configuredBefore(run, ctx.source, /store-dir/) && run.flags.some((flag) => flag.name === 'mount')) return;
        const plan = planAppend(ctx.fix, run, 'pnpm store prune');
        const message = `\`pnpm ${subcommandOf(last) ?? ''}\` leaves unlinked packages in the store; run \`pnpm store prune\` in the same RUN`;
        const node = { start: last.toolWord.range.start, end: last.subcommand.range.end };
        if ('reason' in plan) ctx.report({ node, message, help: `No automatic fix: ${plan.reason}.` });
        else ctx.report({ node, message, fix: { title: 'Append `&& pnpm store prune` to the RUN', edits: [plan.edit] } });
      },
    };
  },
});
