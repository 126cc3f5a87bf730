import { defineRule, type Instruction } from '@dockfix/core';
import { INSTALL_ALIASES, isGlobal, isOn, parseNpm, subcommandName } from '../lib/npm.js';

/** Options that tell npm not to use a lockfile at all: `npm ci` would then be wrong, not just stricter. */
const NO_LOCKFILE = new Set(['package-lock', 'shrinkwrap']);

export default defineRule({
  meta: {
    id: 'npm-ci',
    category: 'node',
    severity: 'warning',
    description: 'Use `npm ci` instead of `npm install` to install exactly what the lockfile says',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL3016', kind: 'inspired' }],
    docs: {
      rationale: [
        '`npm install` resolves version ranges from `package.json` and may install newer versions than the ones',
        'in `package-lock.json` (and rewrite the lockfile), so two builds of the same commit can ship different',
        'dependencies. `npm ci` installs exactly the locked tree, fails when `package.json` and the lockfile',
        'disagree, and is usually faster because it skips dependency resolution.',
        '',
        'The rule looks at `npm install` / `npm i` (and npm\'s other spellings of it) run without package',
        'arguments, that is, installs of the project itself. `npm install <pkg>` and global installs',
        '(`-g`, `--global`) are left alone, as are installs with `--no-package-lock` (no lockfile on purpose).',
      ].join('\n'),
      invalid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm i --no-audit && npm run build\n',
      ],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n',
        'FROM node:20\nRUN npm install -g pnpm@9\n',
        'FROM node:20\nRUN npm install express\n',
      ],
      fixNotes: [
        'Unsafe: `npm ci` needs a `package-lock.json` or `npm-shrinkwrap.json` in the build context, fails when',
        'it is out of date with `package.json`, and deletes an existing `node_modules` first. Commit the',
        'lockfile, copy it into the image before the install, then apply the fix with `--unsafe`. No fix is',
        'offered when the stage visibly copies only `package.json` before the install: there is no lockfile.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        for (const command of script.commands) {
          const npm = parseNpm(command);
          if (!npm?.subcommand) continue;
          const name = subcommandName(npm);
          if (name === null || !INSTALL_ALIASES.has(name)) continue;
          if (npm.positionals.length > 0 || isGlobal(npm)) continue;
          if (npm.flags.some((flag) => flag.dynamic)) continue;
          if (npm.flags.some((flag) => (NO_LOCKFILE.has(flag.name) && flag.value === 'false') || (flag.name.startsWith('no-') && NO_LOCKFILE.has(flag.name.slice(3)) && isOn(flag)))) {
            continue;
          }
          const node = { start: command.range.start, end: npm.subcommand.range.end };
          const message = `\`npm ${name}\` can install versions other than the lockfile's; use \`npm ci\``;
          // `npm ci` fails without a lockfile: when the stage visibly copies only package.json, the fix would break the build (W4).
          if (copiesOnlyManifest(run)) {
            ctx.report({ node, message, help: 'No automatic fix: only `package.json` is copied before this install, and `npm ci` fails without `package-lock.json`; commit the lockfile and copy it too (`COPY package*.json ./`).' });
            continue;
          }
          ctx.report({ node, message, fix: { title: `Replace \`npm ${name}\` with \`npm ci\``, edits: [ctx.fix.replace(npm.subcommand, 'ci')] } });
        }
      },
    };
  },
});

/** True when every file the stage copies from the context before `run` is a `package.json`: no lockfile can be there. */
function copiesOnlyManifest(run: Instruction): boolean {
  const stage = run.stage;
  if (!stage) return false;
  const sources = stage.instructions
    .filter((i) => i.index < run.index && (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((flag) => flag.name === 'from'))
    .flatMap((i) => (i.json ?? i.args.map((arg) => arg.value)).slice(0, -1));
  return sources.length > 0 && sources.every((source) => /(^|\/)package\.json$/.test(source));
}
