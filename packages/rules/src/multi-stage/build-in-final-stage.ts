import { posix } from 'node:path';
import { defineRule, findStage, type Instruction, type RuleContext, type ShellCommand, type Stage, type TextEdit } from '@dockfix/core';
import { buildSteps, installsToolchain, type BuildStep } from '../lib/build.js';
import { insertLinesAfter, keywordCase, leadingCommentsStart } from '../lib/edits.js';
import { baseImageOf, imageFacts, isOfficialNode, stageChain } from '../lib/images.js';
import { instructionText, workdirAt } from '../lib/restructure.js';

/** Commands that may move into a Node.js builder stage without losing anything the runtime needs. */
function movable(command: ShellCommand): boolean {
  const name = command.name.split('/').at(-1) ?? '';
  const args = command.args.map((arg) => arg.value);
  switch (name) {
    case 'npm': {
      const sub = args.find((arg) => !arg.startsWith('-'));
      if (sub === 'ci' || sub === 'install' || sub === 'i') return !args.some((arg) => arg === '-g' || arg === '--global') && args.filter((arg) => !arg.startsWith('-')).length === 1;
      return sub === 'run' || sub === 'run-script' || sub === 'prune' || sub === 'cache';
    }
    case 'npx':
    case 'tsc':
    case 'node':
    case 'echo':
    case 'true':
    case 'rm':
      return true;
    case 'mkdir':
    case 'cp':
    case 'mv':
      return args.every((arg) => arg.startsWith('-') || !arg.startsWith('/'));
    default:
      return false;
  }
}

function copyFrom(instruction: Instruction): string | null {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return null;
  return instruction.flags.find((flag) => flag.name === 'from')?.value ?? null;
}

/**
 * For a `COPY --from=<builder> <builder workdir>/x ./x`, which copying the whole builder workdir makes
 * redundant: the path inside the workdir (`x`, or `''` for the workdir itself); null for any other COPY.
 */
function redundantPath(instruction: Instruction, builder: Stage, builderDir: string, finalDir: string, stages: readonly Stage[]): string | null {
  const from = copyFrom(instruction);
  if (!from || findStage(stages, from) !== builder || instruction.flags.length !== 1 || instruction.json) return null;
  const values = instruction.args.map((arg) => arg.value);
  if (values.length !== 2) return null;
  const [source, dest] = values as [string, string];
  if (!source.startsWith('/') || /[*?[$]/.test(source + dest)) return null;
  const inBuilder = posix.relative(builderDir, posix.normalize(source));
  const inFinal = posix.relative(finalDir, dest.startsWith('/') ? posix.normalize(dest) : posix.join(finalDir, dest));
  return !inBuilder.startsWith('..') && inBuilder === inFinal.replace(/\/$/, '') ? inBuilder : null;
}

/** True for `COPY . .` / `COPY . <dir>/` into the given directory (the whole build context). */
function copiesContextInto(instruction: Instruction, dir: string, workdir: string): boolean {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || copyFrom(instruction) || instruction.json) return false;
  const values = instruction.args.map((arg) => arg.value);
  if (values.length !== 2 || !['.', './'].includes(values[0] as string)) return false;
  const dest = values[1] as string;
  return posix.normalize(dest.startsWith('/') ? dest : posix.join(workdir, dest)).replace(/\/$/, '') === dir;
}

interface Plan {
  readonly edits: TextEdit[];
  readonly instructionDelta: number;
  readonly title: string;
}

/** Moves a Node.js build out of the final stage into the stage it copies from, and copies that stage's app directory instead. */
function planNode(ctx: RuleContext<Record<string, unknown>>, final: Stage, steps: readonly BuildStep[]): Plan | null {
  const { stages } = ctx.model;
  if (final.parent || final.copiesFrom.length !== 1) return null;
  const builder = final.copiesFrom[0] as Stage;
  if (builder.usedBy.some((stage) => stage !== final) || !isOfficialNode(baseImageOf(builder).image) || !final.from || !isOfficialNode(final.from.from.image)) return null;
  const body = final.instructions;
  const runs = new Set<Instruction>(steps.map((step) => step.instruction));
  const first = body.findIndex((instruction) => runs.has(instruction));
  const last = body.map((instruction) => runs.has(instruction)).lastIndexOf(true);
  if (first < 1) return null;
  const finalDir = workdirAt(final, body[first]);
  const builderDir = workdirAt(builder);
  if (!finalDir || finalDir === '/' || finalDir !== builderDir) return null;

  // The block that moves: context COPYs just before the first build RUN, through the last build RUN.
  let start = first;
  const redundant: Instruction[] = [];
  const covered: string[] = [];
  for (let i = first - 1; i >= 1; i--) {
    const instruction = body[i] as Instruction;
    const path = redundantPath(instruction, builder, builderDir, finalDir, stages);
    if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !copyFrom(instruction)) {
      if (redundant.length > 0) return null;
      start = i;
    } else if (path !== null) {
      redundant.unshift(instruction);
      covered.push(path);
    } else break;
  }
  const moved = body.slice(start, last + 1);
  for (const instruction of moved) {
    if (instruction.keyword === 'RUN') {
      const script = instruction.run?.script;
      if (!script || script.hasError || instruction.flags.length > 0 || !script.commands.every(movable)) return null;
    } else if (!((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !copyFrom(instruction))) return null;
  }
  // The whole builder directory may only replace what the final stage had from it: the directory itself, or
  // its node_modules when everything else the builder has there comes from the build context, which the
  // moved block copies whole.
  const builderCopiesContextOnly = builder.instructions.every(
    (instruction) =>
      ['FROM', 'WORKDIR', 'ENV', 'ARG', 'LABEL'].includes(instruction.keyword) ||
      ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !copyFrom(instruction)) ||
      (instruction.keyword === 'RUN' && instruction.flags.every((flag) => flag.name === 'mount') && (instruction.run?.script?.commands.every(movable) ?? false)),
  );
  const covers =
    covered.includes('') ||
    (covered.includes('node_modules') && builderCopiesContextOnly && moved.some((instruction) => copiesContextInto(instruction, finalDir, finalDir)));
  if (!covers) return null;
  // Anything before the block that changes how RUNs behave would be lost on the way.
  if (body.slice(1, start).some((instruction) => ['ENV', 'ARG', 'USER', 'SHELL', 'ONBUILD'].includes(instruction.keyword))) return null;

  const kw = keywordCase(final, ctx);
  const name = builder.name ?? String(builder.index);
  const copyLine = `${kw('COPY')} --from=${name} ${builderDir} ./`;
  const edits: TextEdit[] = [];
  const movedLines: string[] = [];
  for (const instruction of moved) {
    const from = leadingCommentsStart(ctx, instruction);
    const lineStart = ctx.source.lineStartAt(instruction.range.start);
    if (from < lineStart) movedLines.push(...ctx.source.text.slice(from, lineStart).replace(/\r?\n$/, '').split(/\r?\n/));
    movedLines.push(instructionText(ctx, instruction));
    edits.push(ctx.fix.removeLines({ start: from, end: instruction.range.end }));
  }
  const builderLast = builder.instructions.at(-1) as Instruction;
  const insert = insertLinesAfter(ctx, builderLast, movedLines);
  if (!insert) return null;
  edits.push(insert);
  const [firstRedundant, ...otherRedundant] = redundant;
  if (firstRedundant) {
    edits.push(ctx.fix.replace({ start: firstRedundant.range.start, end: firstRedundant.range.start + instructionText(ctx, firstRedundant).length }, copyLine));
    for (const instruction of otherRedundant) edits.push(ctx.fix.removeLines(instruction.range));
  } else {
    const at = leadingCommentsStart(ctx, body[start] as Instruction);
    edits.push(ctx.fix.insertLinesBefore({ start: at, end: at }, [copyLine]));
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    edits,
    instructionDelta: 1 - redundant.length,
    title: `Move the build into stage \`${name}\` and copy its ${builderDir} instead`,
  };
}

export default defineRule({
  meta: {
    id: 'build-in-final-stage',
    category: 'multi-stage',
    severity: 'warning',
    description: 'Run build and prune steps in the builder stage, not in the final stage of a multi-stage build',
    fix: 'unsafe',
    docs: {
      rationale: [
        'A multi-stage build pays off only when the final stage receives finished files. When the final stage',
        'itself copies the sources and runs `npm run build`, `npm prune`, `tsc`, `go build` or a compiler, the',
        'sources, the intermediate files and whatever the build needs land in the shipped image, and a',
        'cleanup in a later step (`npm prune`, `rm -rf src/`) does not shrink it: the removed files stay in',
        'the layer below: a layer is an addition to the image, never a subtraction. For a TypeScript app the',
        'shipped image then carries the sources, the compiler (the `typescript` package alone is over 20 MB',
        'unpacked) and whatever the build wrote, typically tens to hundreds of MB the app never reads. The',
        'build also reruns on every change of the sources, even when the dependencies in the builder stage are',
        'cached.',
        '',
        'The rule reports build steps in the final stage (and the stages it builds on) of a Dockerfile whose',
        'final stage copies from another stage. Node.js builds and prunes are always reported; `make` and',
        'compilers only when the final stage keeps a toolchain (a compiler image, or compilers installed and not',
        'removed in the same RUN). Single-stage builds are `multi-stage-build`\'s to report.',
      ].join('\n'),
      invalid: [
        'FROM node:22 AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\nCOPY . .\nRUN npm run build && npm prune --omit=dev\nCMD ["node", "dist/server.js"]\n',
      ],
      valid: [
        'FROM node:22 AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build && npm prune --omit=dev\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=builder /app ./\nCMD ["node", "dist/server.js"]\n',
      ],
      fixNotes: [
        'Unsafe: the build now runs on the builder\'s base image. For Node.js the fix moves the final stage\'s',
        'block from its first context `COPY` through its last build or prune RUN (comments included) to the end',
        'of the stage it copies from, and replaces the block, and any `COPY --from=<builder>` of a part of the',
        'builder\'s app directory before it, with one `COPY --from=<builder> <dir> ./` of the whole directory:',
        'the final stage gets the same files as before (built output, pruned `node_modules`, whatever the',
        'moved RUNs left), without the build in its layers.',
        '',
        'It needs the builder and the final stage to use the same app directory, the builder to be used by the',
        'final stage only, and the moved RUNs to run npm, npx, tsc, node or file commands inside the app',
        'directory (a RUN that installs system packages may be needed at runtime). When the builder and the final',
        'stage use different C libraries (`node:22` and `node:22-alpine`), native modules built in the builder',
        'do not load in the final stage; that was already so for the `node_modules` the original copied.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const { stages } = ctx.model;
        const final = stages.at(-1);
        // A fragment's implicit stage is not a build stage: count only stages opened by FROM.
        if (!final?.from || final.windows || stages.filter((stage) => stage.from).length < 2) return;
        const chain = stageChain(final);
        if (!chain.some((stage) => stage.copiesFrom.length > 0)) return;
        const slice = (instruction: Instruction) => ctx.source.slice(instruction.range);
        const toolchain =
          imageFacts(baseImageOf(final).image)?.kind === 'toolchain' || chain.some((stage) => stage.instructions.some((instruction) => installsToolchain(instruction, slice(instruction))));
        const steps = chain.flatMap((stage) => buildSteps(stage)).filter((step) => step.kind !== 'make' && step.kind !== 'compiler' ? true : toolchain);
        const first = steps[0];
        if (!first) return;
        const nodeSteps = steps.filter((step) => step.kind === 'node' || step.kind === 'node-prune');
        const plan = nodeSteps.length === steps.length && steps.every((step) => step.instruction.stage === final) ? planNode(ctx, final, steps) : null;
        const shown = steps.map((step) => `\`${ctx.source.slice(step.command.range).split(/\r?\n/)[0]}\``);
        const unique = [...new Set(shown)];
        ctx.report({
          node: first.command.range,
          message: `The final stage runs ${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', …' : ''}: its sources and build files ship in the image, and later cleanup does not shrink the layers below; build in the builder stage and copy the result`,
          ...(plan ? { fix: { title: plan.title, edits: plan.edits, instructionDelta: plan.instructionDelta, isolation: 'file' } } : {}),
        });
      },
    };
  },
});
