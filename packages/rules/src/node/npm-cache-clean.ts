import { defineRule, type FixBuilder, type RunInstruction, type ShellCommand, type TextEdit } from '@dockfix/core';
import { shippedStages } from '../lib/images.js';
import { isInstallOrCi, isNpm, parseNpm, subcommandName, type NpmInvocation } from '../lib/npm.js';
import { rmOperands } from '../lib/cli.js';
import { isLastCommand, mayHaveErrexit, textAfter } from '../lib/shell.js';
import { scriptLeavingCache } from '../lib/stages.js';

/** `npm cache clean|clear|rm` (npm ≥ 5 wants `--force`; without it the build fails, so it is someone else's problem). */
function isCacheClean(command: ShellCommand): boolean {
  if (!isNpm(command)) return false;
  const words = command.args.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
  return words[0] === 'cache' && ['clean', 'clear', 'rm'].includes(words[1] ?? '');
}

/** `rm -rf ~/.npm`, `rm -rf /root/.npm/_cacache`, …: deleting npm's cache directory by hand. */
function removesNpmCache(command: ShellCommand): boolean {
  return (rmOperands(command) ?? []).some((path) => /(^|\/)\.npm(\/(_cacache\/?)?\*?)?$/.test(path));
}

const CLEAN = 'npm cache clean --force';

/**
 * The edit that runs the cache clean right after the install, keeping what the script does when the
 * install fails; null when no edit is known to do that.
 *
 * `install && clean` is exact when the install is already followed by `&&`/`||`, ends the script, or
 * `set -e` is off. Under `set -e`, an install that ends its and-or list and is followed by more
 * commands would become exempt from errexit (`false && x; next` goes on to `next`), so the clean goes
 * in as its own statement instead: `install; clean; next`.
 */
function cleanEdit(fix: FixBuilder, run: RunInstruction, npm: NpmInvocation): TextEdit | null {
  const { command } = npm;
  if (!command.unconditional || command.inPipeline) return null;
  // With `--cache <dir>` the download cache is elsewhere, and a plain `npm cache clean` would miss it.
  if (npm.flags.some((flag) => flag.name === 'cache')) return null;
  const after = textAfter(run, command);
  if (/^\s*&(?!&)/.test(after)) return null; // a background job
  if (command.followedBy !== null || isLastCommand(run, command) || !mayHaveErrexit(run)) {
    return fix.insertAfter(command.statementRange, ` && ${CLEAN}`);
  }
  // `$?` after the install would now see the clean's status.
  if (after.includes('$?')) return null;
  return fix.insertAfter(command.statementRange, `; ${CLEAN}`);
}

export default defineRule({
  meta: {
    id: 'npm-cache-clean',
    category: 'node',
    severity: 'warning',
    description: 'Clean the npm cache in the same RUN as the install in stages that ship',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3060', kind: 'inspired' }],
    docs: {
      rationale: [
        'npm keeps a compressed copy of every package it downloads in `~/.npm/_cacache`. In a layer that ends',
        'up in the shipped image that cache is dead weight, typically tens to hundreds of MB for an',
        'application. Deleting it in a later `RUN` does not help, because the earlier layer still holds the files.',
        '',
        'The rule checks `npm install` / `npm i` / `npm ci` in the final stage and in the stages the final stage',
        'builds on (`FROM <stage>`). Builder stages that are only copied from (`COPY --from=`) are skipped: their',
        'cache never reaches the image. A `RUN --mount=type=cache,target=/root/.npm` keeps the cache outside the',
        'image and is the better fix when BuildKit is available; it also speeds up rebuilds. A cache mount',
        'counts when its target mentions npm; a cache mount of something else (`/var/cache/apk`) does not.',
      ].join('\n'),
      invalid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM node:20 AS base\nRUN npm install -g pm2\n\nFROM base\nCMD ["pm2-runtime", "app.js"]\n',
      ],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n',
        'FROM node:20-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
        'FROM node:20 AS build\nRUN npm ci && npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      ],
      fixNotes: [
        'Safe: the fix adds `&& npm cache clean --force` right after the last install command of the RUN, so',
        'the cache is gone before the layer is committed. Only the npm cache directory is removed; installed',
        'packages are untouched. Under `set -e`, an install followed by `;` and more commands gets',
        '`; npm cache clean --force` instead, because `npm ci && …` would exempt the install from `set -e`',
        'and a failed install would no longer stop the build.',
        '',
        'When that install runs conditionally (inside `if`, after `||`), in a pipeline or in the background,',
        'or uses `--cache <dir>`, the rule reports without a fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        // A cache mount on npm's cache directory keeps it out of the image (any mount mentioning npm counts).
        const script = scriptLeavingCache(run, shipped, /npm/i);
        if (!script) return;
        if (script.commands.some((command) => isCacheClean(command) || removesNpmCache(command))) return;
        const installs = script.commands.map(parseNpm).filter((npm) => npm !== null && isInstallOrCi(npm));
        const last = installs.at(-1);
        if (!last) return;
        const name = subcommandName(last) ?? 'install';
        const edit = cleanEdit(ctx.fix, run, last);
        ctx.report({
          node: last.command.range,
          message: `\`npm ${name}\` leaves its cache in the image; run \`${CLEAN}\` in the same RUN`,
          ...(edit ? { fix: { title: `Add \`${edit.text.trim()}\` after \`npm ${name}\``, edits: [edit] } } : {}),
        });
      },
    };
  },
});
