import { defineRule, type ContextFiles, type Instruction, type RunInstruction, type ShellCommand, type ShellWord, type Stage, type TextEdit } from '@dockfix/core';
import { buildKind } from '../lib/build.js';
import { firstAtOrAfter } from '../lib/stages.js';
import { stageChain } from '../lib/images.js';
import { CI_ALIASES, INSTALL_ALIASES, isGlobal, parseNpm, subcommandName } from '../lib/npm.js';
import { isPnpmProjectInstall, isYarnProjectInstall, parsePnpm, parseYarn, subcommandOf } from '../lib/packages.js';
import { keyValues } from '../lib/properties.js';
import { planAppend } from '../lib/shell.js';
import { yarnFlavour } from '../lib/yarn.js';
import { supportsOmitDev } from './npm-omit-dev.js';

type Tool = 'npm' | 'yarn' | 'pnpm';

/** An install that leaves out devDependencies, and what makes it do so. */
interface ProductionInstall {
  readonly run: RunInstruction;
  readonly command: ShellCommand;
  readonly tool: Tool;
  /** What the message quotes, with its backticks: `` `npm ci --only=production` ``. */
  readonly label: string;
  /** The words that turn devDependencies off (`--omit=dev`, `--production`, a `NODE_ENV=production` prefix). */
  readonly words: readonly { start: number; end: number }[];
  /** True when an `ENV NODE_ENV=production` of the stage turns them off. */
  readonly viaEnv: boolean;
  /** Where to add a flag that turns them on again (after the subcommand). */
  readonly flagAt: number;
}

const NPM_OMIT_DEV = (name: string, value: string | null) =>
  (name === 'omit' && value === 'dev') || (name === 'only' && (value === 'production' || value === 'prod')) || (name === 'production' && (value === null || value === 'true'));

/** The `ENV NODE_ENV=production` in effect before `instruction` in its stage chain, if any. */
function productionEnvBefore(ctx: { source: Parameters<typeof keyValues>[0] }, stage: Stage, instruction: Instruction): boolean {
  const chain = stageChain(stage);
  for (const [position, current] of chain.entries()) {
    const settings = nodeEnvSettings(ctx, current);
    // In the stage itself, only what comes before the instruction; in the stages it builds on, everything.
    const before = position === 0 ? firstAtOrAfter(current.instructions, instruction.index) : current.instructions.length;
    const value = settings[before];
    if (value !== undefined) return value;
  }
  return false;
}

/**
 * Per stage: at each position k, whether the stage's own `ENV NODE_ENV=…` before its k-th instruction
 * says production (undefined: the stage has not set it yet). Computed once per stage: a scan of the
 * stage chain for every install made the rule quadratic in the stage's length.
 */
const nodeEnvCache = new WeakMap<Stage, readonly (boolean | undefined)[]>();

function nodeEnvSettings(ctx: { source: Parameters<typeof keyValues>[0] }, stage: Stage): readonly (boolean | undefined)[] {
  let settings = nodeEnvCache.get(stage);
  if (settings) return settings;
  const computed: (boolean | undefined)[] = [undefined];
  let production: boolean | undefined;
  for (const other of stage.instructions) {
    if (other.keyword === 'ENV') for (const pair of keyValues(ctx.source, other)) if (pair.name === 'NODE_ENV') production = pair.value === 'production';
    computed.push(production);
  }
  settings = computed;
  nodeEnvCache.set(stage, settings);
  return settings;
}

/** The install of this command if it leaves out devDependencies, or null. */
function productionInstall(ctx: { source: Parameters<typeof keyValues>[0] }, run: RunInstruction, command: ShellCommand): ProductionInstall | null {
  // Asked of every command of every RUN: NODE_ENV is looked at only once the command is an install.
  const npm = parseNpm(command);
  if (npm) {
    const name = subcommandName(npm);
    if (name === null || !(INSTALL_ALIASES.has(name) || CI_ALIASES.has(name)) || npm.positionals.length > 0 || isGlobal(npm)) return null;
    if (npm.flags.some((flag) => flag.name === 'include' && flag.value === 'dev') || npm.flags.some((flag) => flag.name === 'production' && flag.value === 'false')) return null;
    const omit = npm.flags.filter((flag) => !flag.dynamic && NPM_OMIT_DEV(flag.name, flag.value));
    const { inline, env } = nodeEnvOf(ctx, run, command);
    if (omit.length === 0 && !env) return null;
    const words = omit.map((flag) => ({ start: flag.words[0]?.range.start ?? 0, end: flag.words.at(-1)?.range.end ?? 0 }));
    return finish(ctx, run, command, 'npm', `npm ${name}`, words, inline, omit.length === 0 && inline.length === 0, npm.subcommand?.range.end ?? command.range.end);
  }
  const yarn = parseYarn(command);
  if (yarn && isYarnProjectInstall(yarn)) {
    const omit = yarn.options.filter((option) => option.name === 'production' && (option.value === null || option.value === 'true'));
    if (yarn.options.some((option) => option.name === 'production' && option.value === 'false')) return null;
    const { inline, env } = nodeEnvOf(ctx, run, command);
    if (omit.length === 0 && !env) return null;
    const words = omit.map((option) => ({ start: option.words[0]?.range.start ?? 0, end: option.words.at(-1)?.range.end ?? 0 }));
    return finish(ctx, run, command, 'yarn', 'yarn install', words, inline, omit.length === 0 && inline.length === 0, (yarn.subcommand ?? yarn.toolWord).range.end);
  }
  const pnpm = parsePnpm(command);
  if (pnpm && isPnpmProjectInstall(pnpm)) {
    const omit = pnpm.options.filter((option) => (option.name === 'prod' || option.name === 'production' || option.name === 'P') && (option.value === null || option.value === 'true'));
    const { inline, env } = nodeEnvOf(ctx, run, command);
    if (omit.length === 0 && !env) return null;
    const words = omit.map((option) => ({ start: option.words[0]?.range.start ?? 0, end: option.words.at(-1)?.range.end ?? 0 }));
    return finish(ctx, run, command, 'pnpm', `pnpm ${subcommandOf(pnpm) ?? 'install'}`, words, inline, omit.length === 0 && inline.length === 0, (pnpm.subcommand ?? pnpm.toolWord).range.end);
  }
  return null;
}

/** The command's own `NODE_ENV=production` assignments, and whether NODE_ENV says production for it (an inline one, or an ENV before the RUN). */
function nodeEnvOf(ctx: { source: Parameters<typeof keyValues>[0] }, run: RunInstruction, command: ShellCommand): { inline: ShellWord[]; env: boolean } {
  const envProduction = run.stage !== null && productionEnvBefore(ctx, run.stage, run);
  const inline = command.assignments.filter((word) => /^NODE_ENV=["']?production["']?$/.test(word.text));
  const inlineOff = command.assignments.some((word) => /^NODE_ENV=/.test(word.text) && !/production/.test(word.text));
  return { inline, env: (inline.length > 0 || envProduction) && !inlineOff };
}

function finish(
  ctx: { source: { slice(range: { start: number; end: number }): string } },
  run: RunInstruction,
  command: ShellCommand,
  tool: Tool,
  base: string,
  flagWords: readonly { start: number; end: number }[],
  inline: readonly { range: { start: number; end: number } }[],
  viaEnv: boolean,
  flagAt: number,
): ProductionInstall {
  const words = [...inline.map((word) => word.range), ...flagWords];
  const first = flagWords[0];
  const label = first ? `\`${base} ${ctx.source.slice(first)}\`` : inline.length > 0 ? `\`NODE_ENV=production ${base}\`` : `\`${base}\` under \`NODE_ENV=production\``;
  return { run, command, tool, label, words, viaEnv, flagAt };
}

/** True when a command of the stage after the build removes devDependencies again. */
function prunesLater(stage: Stage, after: ShellCommand): boolean {
  return stage.instructions.some((instruction) =>
    (instruction.run?.script?.commands ?? []).some((command) => {
      if (command.range.start <= after.range.start) return false;
      const npm = parseNpm(command);
      if (npm) return subcommandName(npm) === 'prune' || ((INSTALL_ALIASES.has(subcommandName(npm) ?? '') || CI_ALIASES.has(subcommandName(npm) ?? '')) && npm.flags.some((flag) => NPM_OMIT_DEV(flag.name, flag.value)));
      const yarn = parseYarn(command);
      if (yarn) return isYarnProjectInstall(yarn) && yarn.options.some((option) => option.name === 'production');
      const pnpm = parsePnpm(command);
      return pnpm !== null && subcommandOf(pnpm) === 'prune';
    }),
  );
}

/** False when the package.json beside the Dockerfile shows no devDependencies (nothing is missing then). */
function mayHaveDevDependencies(files: ContextFiles, filePath: string | undefined): boolean {
  if (!filePath) return true;
  const text = files.readText('package.json');
  if (text === null) return true;
  try {
    const json = JSON.parse(text) as { devDependencies?: Record<string, string> };
    return json.devDependencies !== undefined && Object.keys(json.devDependencies).length > 0;
  } catch {
    return true;
  }
}

/** The command that drops devDependencies after the build, or null when dockfix does not know one for this tool. */
function pruneCommand(install: ProductionInstall, text: (range: { start: number; end: number }) => string): string | null {
  if (install.tool === 'npm') return install.run.stage && supportsOmitDev(install.run.stage) === 'no' ? 'npm prune --production' : 'npm prune --omit=dev';
  if (install.tool === 'pnpm') return 'pnpm prune --prod';
  return yarnFlavour(install.run, text) === 'classic' ? 'yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline' : null;
}

/** The flag that keeps devDependencies although NODE_ENV=production, or null when there is none this rule trusts. */
function includeDevFlag(install: ProductionInstall): string | null {
  if (install.tool === 'npm') return install.run.stage && supportsOmitDev(install.run.stage) === 'yes' ? '--include=dev' : '--production=false';
  return install.tool === 'yarn' ? '--production=false' : null;
}

export default defineRule({
  meta: {
    id: 'build-without-dev-deps',
    category: 'node',
    severity: 'error',
    description: 'Install devDependencies in the stage that runs the build; prune them afterwards',
    fix: 'unsafe',
    docs: {
      rationale: [
        'Build scripts need devDependencies: TypeScript, bundlers (webpack, Vite, esbuild), Babel, Nest and',
        'Next CLIs are all installed as devDependencies. An install that leaves them out (`npm ci --omit=dev`,',
        '`--only=production`, `--production`, `yarn install --production`, `pnpm install --prod`, or any of them',
        'under `NODE_ENV=production`) followed by `npm run build`, `tsc` or `yarn build` in the same stage fails',
        'with `tsc: not found` or `Cannot find module`, or, when the tool happens to be installed globally,',
        'builds with a different version than the lockfile says.',
        '',
        'The usual intent is "ship only production dependencies". Do that after the build: install',
        'everything, build, then `npm prune --omit=dev` (or install production dependencies again in the',
        'runtime stage). The rule stays quiet when a `package.json` beside the Dockerfile has no',
        'devDependencies.',
      ].join('\n'),
      invalid: [
        'FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nRUN npm run build\n',
        'FROM node:22-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci && npx tsc\n',
      ],
      valid: [
        'FROM node:22-alpine AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build && npm prune --omit=dev\n',
        'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
      ],
      fixNotes: [
        'Unsafe: the install then downloads devDependencies too (a larger builder stage and a slower build),',
        'and the fix assumes the build needs them. It removes the flag that leaves them out (or, under',
        '`ENV NODE_ENV=production`, adds `--include=dev` / `--production=false` to the install) and appends',
        '`npm prune --omit=dev` (`npm prune --production` on npm 6, `pnpm prune --prod`, or a Yarn 1',
        '`yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline`) to the RUN that builds,',
        'so that `node_modules` holds only production dependencies afterwards, as before. No fix for Yarn 2+',
        'and for pnpm under `NODE_ENV=production`. The flag rewrite of `npm-omit-dev` touches the same',
        'words; after this fix it has nothing left to rewrite.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const text = (range: { start: number; end: number }) => ctx.source.slice(range);
    return {
      'Stage:exit'(stage) {
        let install: ProductionInstall | null = null;
        for (const instruction of stage.instructions) {
          const run = instruction.run?.script ? (instruction as RunInstruction) : null;
          if (!run) continue;
          for (const command of run.run.script?.commands ?? []) {
            const found = productionInstall(ctx, run, command);
            if (found) {
              install = found;
              continue;
            }
            // A full install later in the stage brings the devDependencies back.
            const npm = parseNpm(command);
            if (npm && (CI_ALIASES.has(subcommandName(npm) ?? '') || INSTALL_ALIASES.has(subcommandName(npm) ?? '')) && npm.positionals.length === 0) install = null;
            if (!install || buildKind(command) !== 'node') continue;
            if (!mayHaveDevDependencies(ctx.files, ctx.filePath)) return;
            report(install, run, command);
            return;
          }
        }
      },
    };

    function report(install: ProductionInstall, buildRun: RunInstruction, build: ShellCommand): void {
      const line = ctx.source.lineColumnAt(install.run.range.start).line;
      const buildText = ctx.source.slice(build.range);
      const shown = buildText.length > 24 ? `${buildText.slice(0, 23)}…` : buildText;
      const message = `\`${shown}\` needs devDependencies; ${install.label} (line ${line}) skips them`;
      const prune = pruneCommand(install, text);
      const help = `Build tools (TypeScript, bundlers) are devDependencies: without them the build fails, or uses a globally installed version. Install everything, build, then drop devDependencies${prune ? ` with \`${prune}\`` : ''}.`;
      const edits: TextEdit[] = [];
      if (install.viaEnv) {
        const flag = includeDevFlag(install);
        if (flag) edits.push(ctx.fix.insertAfter(install.flagAt, ` ${flag}`));
      } else {
        for (const word of install.words) edits.push(ctx.fix.replaceRange(precedingSpace(ctx.source.text, word.start), word.end, ''));
      }
      const needsPrune = !prunesLater(buildRun.stage as Stage, build);
      const append = needsPrune && prune ? planAppend(ctx.fix, buildRun, prune) : null;
      const usable = edits.length > 0 && (!needsPrune || (append !== null && 'edit' in append));
      if (!usable) {
        ctx.report({ node: build.range, message, help });
        return;
      }
      if (append && 'edit' in append) edits.push(append.edit);
      ctx.report({
        node: build.range,
        message,
        help,
        fix: {
          title: needsPrune ? `Install devDependencies for the build, then \`${prune}\`` : 'Install devDependencies for the build',
          edits,
        },
      });
    }
  },
});

/** Where the blanks before `offset` start, so that deleting a word does not leave a double space. */
function precedingSpace(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start;
}
