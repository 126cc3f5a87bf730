// Shared mechanics of the fixes that split one stage into a builder and a runtime stage.
import { posix } from 'node:path';
import type { DockerfileModel, Instruction, Stage, TextEdit } from '@dockfix/core';
import { keywordCase, leadingCommentsStart, lineAfter, type EditContext } from './edits.js';
import { stageChain } from './images.js';
import { keyValues } from './properties.js';

/**
 * The working directory in effect after `upTo` (or at the end of the stage), following `FROM <stage>`
 * links; null when it depends on the base image (never set, or set relative to an unknown one) or on a
 * variable.
 */
export function workdirAt(stage: Stage, upTo?: Instruction): string | null {
  let workdir: string | null = null;
  for (const current of stageChain(stage).reverse()) {
    for (const instruction of current.instructions) {
      if (upTo && current === stage && instruction.index > upTo.index) return workdir;
      if (instruction.keyword !== 'WORKDIR') continue;
      const value = instruction.args.map((arg) => arg.value).join(' ');
      if (value.includes('$')) return null;
      if (value.startsWith('/')) workdir = posix.normalize(value);
      else workdir = workdir === null ? null : posix.join(workdir, value);
    }
  }
  return workdir;
}

/** A stage name not used in the file yet, from a list of preferences. */
export function freeStageName(model: DockerfileModel, preferred: readonly string[]): string {
  const taken = new Set(model.stages.map((stage) => stage.name));
  for (const name of preferred) if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${preferred[0]}-${i}`)) return `${preferred[0]}-${i}`;
}

/** Instructions that only configure the image (they do not change its files), so they belong to the runtime stage. */
const CONFIG_ONLY = new Set(['EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL']);
/** Instructions that may follow the last build step in the runtime part as they are. */
const TAIL_ALLOWED = new Set([...CONFIG_ONLY, 'ENV', 'USER', 'WORKDIR', 'ARG', 'VOLUME']);

/** How a single stage splits: where the build part ends and which instructions move or are repeated. */
export interface Split {
  /** The last RUN/COPY/ADD: everything after it becomes the runtime stage. */
  readonly last: Instruction;
  /** Config-only instructions before the split, moved into the runtime stage. */
  readonly moved: readonly Instruction[];
  /** ENV and ARG instructions before the split, repeated in the runtime stage (ENV values are part of the image). */
  readonly repeated: readonly Instruction[];
  /** Instructions after the split. */
  readonly tail: readonly Instruction[];
}

/** Splits a stage after its last file-changing instruction; null when something before or after it cannot be placed. */
export function splitStage(stage: Stage, keepEnv: (name: string, value: string | null) => boolean, ctx: EditContext): Split | null {
  const body = stage.instructions.slice(1);
  const lastIndex = body.map((instruction) => ['RUN', 'COPY', 'ADD'].includes(instruction.keyword)).lastIndexOf(true);
  const last = body[lastIndex];
  if (!last) return null;
  const before = body.slice(0, lastIndex);
  const tail = body.slice(lastIndex + 1);
  if (tail.some((instruction) => !TAIL_ALLOWED.has(instruction.keyword))) return null;
  const moved: Instruction[] = [];
  const repeated: Instruction[] = [];
  for (const instruction of before) {
    if (CONFIG_ONLY.has(instruction.keyword)) moved.push(instruction);
    else if (instruction.keyword === 'ENV') {
      const pairs = keyValues(ctx.source, instruction);
      if (pairs.every((pair) => keepEnv(pair.name, pair.value))) repeated.push(instruction);
      else if (pairs.some((pair) => keepEnv(pair.name, pair.value))) return null;
    } else if (instruction.keyword === 'ARG') repeated.push(instruction);
    else if (['VOLUME', 'USER', 'ONBUILD', 'SHELL'].includes(instruction.keyword)) return null;
  }
  return { last, moved, repeated, tail };
}

/** The text of an instruction as written (continuation lines included), without its line break. */
export function instructionText(ctx: EditContext, instruction: Instruction): string {
  return ctx.source.slice(instruction.range).replace(/\r?\n$/, '');
}

/** The comment lines directly above an instruction, as written, without their line breaks. */
function leadingComments(ctx: EditContext, instruction: Instruction): string[] {
  const start = leadingCommentsStart(ctx, instruction);
  const lineStart = ctx.source.lineStartAt(instruction.range.start);
  if (start === lineStart) return [];
  return ctx.source.text.slice(start, lineStart).replace(/\r?\n$/, '').split(/\r?\n/);
}

/** The edits that turn `stage` into a builder stage named `name` followed by a runtime stage. */
export interface SplitEdits {
  readonly edits: TextEdit[];
  readonly instructionDelta: number;
}

/**
 * Builds the edits of a split: names the stage, appends `buildLines` after its last build step, then
 * starts the runtime stage there with `FROM runtime`, the repeated ARG/ENV lines, `headLines`, and the
 * moved config instructions (with their comments); the tail after the split stays where it is and now
 * belongs to the runtime stage.
 */
export function splitEdits(
  ctx: EditContext,
  stage: Stage,
  split: Split,
  options: { name: string; runtime: string; buildLines: readonly string[]; headLines: readonly string[]; afterMoved: readonly string[] },
): SplitEdits | null {
  const { source } = ctx;
  const eol = source.lineEndings.dominant;
  const kw = keywordCase(stage, ctx);
  const edits: TextEdit[] = [];
  let delta = 0;

  // Splitting needs the FROM to name the build stage; a fragment's implicit stage has none.
  if (!stage.from) return null;
  const from = stage.from.from;
  if (!from.stageName) {
    const anchor = stage.from.args.at(-1);
    if (!anchor) return null;
    edits.push(ctx.fix.insertAfter(anchor.range, ` ${kw('AS')} ${options.name}`));
  }

  const movedText: string[] = [];
  for (const instruction of split.moved) {
    const start = leadingCommentsStart(ctx, instruction);
    edits.push(ctx.fix.removeLines({ start, end: instruction.range.end }));
    movedText.push(...leadingComments(ctx, instruction), instructionText(ctx, instruction));
  }

  const at = lineAfter(ctx, split.last);
  const atEnd = at >= source.text.length && !source.text.endsWith('\n');
  if (at >= source.text.length && source.text.trimEnd().endsWith(source.escapeChar)) return null;
  const lines = [
    ...options.buildLines,
    '',
    `${kw('FROM')} ${options.runtime}`,
    ...split.repeated.map((instruction) => instructionText(ctx, instruction)),
    ...options.headLines,
    ...movedText,
    ...options.afterMoved,
  ];
  const text = atEnd ? eol + lines.join(eol) : lines.map((line) => line + eol).join('');
  edits.push(ctx.fix.insertAfter(at, text));
  delta += options.buildLines.length + 1 + split.repeated.length + options.headLines.length + options.afterMoved.length;
  return { edits, instructionDelta: delta };
}

/** True when an instruction of the tail (or a moved one) is a USER. */
export function setsUser(instructions: readonly Instruction[]): boolean {
  return instructions.some((instruction) => instruction.keyword === 'USER');
}

/** True when an ENV among the instructions sets `name`. */
export function setsEnv(ctx: EditContext, instructions: readonly Instruction[], name: string): boolean {
  return instructions.some((instruction) => instruction.keyword === 'ENV' && keyValues(ctx.source, instruction).some((pair) => pair.name === name));
}
