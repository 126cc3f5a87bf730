import { defineRule, type Instruction, type RunInstruction, type ShellCommand, type Stage } from '@dockfix/core';
import { baseName, unwrap } from '../lib/cli.js';
import { dependencyInstall, type DependencyInstall } from '../lib/installs.js';
import { isGlobal, parseNpm } from '../lib/npm.js';
import { parsePip, subcommandOf } from '../lib/packages.js';
import { workdirAt } from '../lib/stages.js';

/** Instructions that may sit between the COPY and the install without caring where the sources are. */
const NEUTRAL = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE']);

/** The sources of a COPY/ADD, from its JSON or shell form. */
function copySources(copy: Instruction): string[] {
  const words = copy.json ?? copy.args.map((arg) => arg.value);
  return words.slice(0, -1);
}

/** True for a COPY/ADD of the whole build context: `COPY . .`, `ADD ./ /app`. */
export function isWholeContextCopy(instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((flag) => flag.name === 'from')) return false;
  return copySources(instruction).some((source) => source === '.' || source === './');
}

/** Commands that can run before the sources are there: they read no project file. */
function readsNoSources(command: ShellCommand): boolean {
  if (dependencyInstall(command)) return true;
  const unwrapped = unwrap(command);
  if (!unwrapped) return false;
  const name = baseName(unwrapped.nameWord.value);
  const words = unwrapped.args.map((word) => word.value);
  if (['set', 'true', ':', 'echo', 'export', 'corepack', 'apt-get', 'apk', 'yum', 'dnf', 'microdnf'].includes(name)) {
    return !unwrapped.args.some((word) => word.dynamic || /^\.{0,2}\//.test(word.value));
  }
  if (name === 'rm') return words.filter((word) => !word.startsWith('-')).every((word) => word.startsWith('/') || word.startsWith('~/'));
  const npm = parseNpm(command);
  if (npm) return isGlobal(npm) || ['cache', 'config', 'set'].includes(npm.subcommand?.value ?? '');
  if (name === 'yarn') return ['cache', 'config', 'global'].includes(words[0] ?? '');
  if (name === 'pnpm') return ['store', 'config'].includes(words[0] ?? '');
  const pip = parsePip(command);
  if (pip) return subcommandOf(pip) === 'install' && pip.operands.every((word) => !word.dynamic && /^[A-Za-z0-9_.\-[\]=<>~!,]+$/.test(word.value) && word.value !== '.');
  return false;
}

export default defineRule({
  meta: {
    id: 'copy-before-install',
    category: 'layers',
    severity: 'warning',
    description: 'Copy only the dependency manifests before installing dependencies, and the rest of the sources after',
    fix: 'unsafe',
    docs: {
      rationale: [
        'Docker reuses a cached layer only while everything before it is unchanged. With `COPY . .` before',
        '`RUN npm ci` (or `pip install -r requirements.txt`, `go mod download`, `bundle install`, …) any edit to',
        'any source file invalidates the install layer, so every build downloads and installs all dependencies',
        'again: minutes of build time and hundreds of MB of downloads for a one-line change. Copy the manifests',
        'first, install, then copy the sources: the install layer is rebuilt only when the dependencies change.',
        '',
        'The rule reports a `COPY`/`ADD` of the whole context (`.` or `./`) that comes before a dependency install',
        'in the same stage. Installs of the project itself (`pip install .`, `npm install <pkg>`) need the sources',
        'and are not counted.',
      ].join('\n'),
      invalid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
      ],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n',
      ],
      fixNotes: [
        'Unsafe. The fix inserts `COPY <manifests> <dest>` before the `COPY . .` (with the same `--chown` and other',
        'flags) and moves the `COPY . .` to just after the installing RUN. Manifests: `package*.json` for npm,',
        '`package.json yarn.lock`, `package.json pnpm-lock.yaml`, the `-r` files of pip, `Gemfile Gemfile.lock`,',
        '`go.mod go.sum*` (the wildcard, because a module without dependencies has no go.sum), `pom.xml`, `Cargo.toml Cargo.lock`, `composer.json composer.lock`. It changes what the',
        'install sees: lifecycle scripts (`postinstall`, `prepare`), npm/yarn workspaces, `.npmrc`, `.yarnrc.yml`,',
        'a `-r` file that includes another, a Gemfile that reads a `.gemspec`, or a `replace` directive pointing',
        'into the tree all need more files. Add them to the new COPY.',
        '',
        'The fix is offered only when the installing RUN comes right after the COPY (ENV, ARG, LABEL and EXPOSE',
        'may sit between) and runs nothing that could read the sources; otherwise the rule only reports.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const check = (stage: Stage) => {
      const instructions = stage.instructions;
      for (const [i, copy] of instructions.entries()) {
        if (!isWholeContextCopy(copy)) continue;
        let found: { run: RunInstruction; installs: DependencyInstall[] } | null = null;
        let between: Instruction[] = [];
        for (const later of instructions.slice(i + 1)) {
          if (isWholeContextCopy(later)) break;
          const script = later.keyword === 'RUN' ? later.run?.script : null;
          const installs = script ? script.commands.map(dependencyInstall).filter((install): install is DependencyInstall => install !== null) : [];
          if (installs.length > 0) {
            found = { run: later as RunInstruction, installs };
            break;
          }
          between.push(later);
        }
        if (!found) continue;
        const { run, installs } = found;
        const line = ctx.source.lineColumnAt(run.range.start).line;
        const labels = [...new Set(installs.map((install) => `\`${install.label}\``))].join(', ');
        const message = `The whole context is copied before ${labels} (line ${line}): every change reinstalls`;
        const node = copy.range.end > copy.keywordRange.start ? { start: copy.keywordRange.start, end: copy.argsRange?.end ?? copy.range.end } : copy.range;
        const why = noFixReason(ctx.source.text, copy, run, between, installs);
        if (why) {
          ctx.report({ node, message, help: `No automatic fix: ${why}.` });
          continue;
        }
        const manifests = [...new Set(installs.flatMap((install) => install.manifests ?? []))];
        const dest = copyDest(copy);
        const flags = copy.flags.map((flag) => ctx.source.slice(flag.range));
        const manifestCopy = [copy.keyword === 'ADD' ? 'COPY' : ctx.source.slice(copy.keywordRange), ...flags, ...manifests, dest].join(' ');
        const copyText = ctx.source.text.slice(ctx.source.lineStartAt(copy.range.start), copy.range.end).trimStart();
        const eol = ctx.source.eolAt(copy.range.start);
        const afterRun = ctx.source.nextLineStartAt(Math.max(run.range.start, run.range.end - 1));
        const runEndsFile = afterRun === ctx.source.text.length && !/\n$/.test(ctx.source.text);
        ctx.report({
          node,
          message,
          fix: {
            title: `Copy ${manifests.join(' ')} first, install, then copy the rest (unsafe: the install may need more files)`,
            edits: [
              ctx.fix.insertLinesBefore(copy, [manifestCopy]),
              ctx.fix.removeLines(copy.range),
              ctx.fix.insertBefore(afterRun, runEndsFile ? `${eol}${copyText}` : `${ctx.source.indentAt(copy.range.start)}${copyText}${eol}`),
            ],
            instructionDelta: 1,
          },
        });
      }
    };
    return { 'Stage:exit': check };
  },
});

/** The destination directory of the manifests: the COPY's destination, as a directory. */
function copyDest(copy: Instruction): string {
  const words = copy.json ?? copy.args.map((arg) => arg.value);
  const dest = words.at(-1) ?? '.';
  if (dest === '.' || dest === './') return './';
  return dest.endsWith('/') ? dest : `${dest}/`;
}

/** Why the COPY cannot be split mechanically, or null. */
function noFixReason(text: string, copy: Instruction, run: RunInstruction, between: readonly Instruction[], installs: readonly DependencyInstall[]): string | null {
  if (copy.json) return 'the COPY is in JSON form';
  if (copySources(copy).length !== 1) return 'the COPY has several sources';
  if (between.some((instruction) => !NEUTRAL.has(instruction.keyword))) return 'other instructions run between the COPY and the install';
  if (installs.some((install) => install.manifests === null)) return 'the manifest files are not known';
  const script = run.run.script;
  if (!script || script.hasError) return 'the RUN is not parsed as shell';
  if (script.commands.some((command) => command.name === 'cd' && !command.inSubshell)) return 'the install runs in another directory';
  if (!script.commands.every(readsNoSources)) return 'the RUN does more than install dependencies';
  const dest = copy.args.at(-1)?.value ?? '';
  if (dest !== '.' && dest !== './' && (dest.replace(/\/+$/, '') || '/') !== workdirAt(copy)) return 'the install does not run in the directory the sources are copied to';
  void text;
  return null;
}
