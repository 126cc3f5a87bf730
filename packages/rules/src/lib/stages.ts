import type { DockerfileModel, Instruction, RunInstruction, ShellScript, Stage } from '@dockfix/core';
import { withoutTrailingSlashes } from './text.js';

/** The stages that build on `stage` with `FROM <stage>`, directly or through others. */
export function descendantStages(stage: Stage, stages: readonly Stage[]): Stage[] {
  const found: Stage[] = [];
  for (const candidate of stages) {
    for (let parent = candidate.parent; parent; parent = parent.parent) {
      if (parent === stage) {
        found.push(candidate);
        break;
      }
      if (parent === candidate) break;
    }
  }
  return found;
}

/**
 * True for an ONBUILD trigger (`ONBUILD RUN …` → the RUN). A trigger does not run in its stage: it runs
 * at the start of every build `FROM` the image, after the stage's last instruction and before the
 * downstream ones. So its "stage" is the sequence of the stage's triggers, which sees the stage's final
 * state (USER, ENV, WORKDIR, SHELL), and the helpers below read it that way.
 */
export function isTrigger(instruction: Instruction): boolean {
  return instruction.onbuild !== undefined;
}

/** The instructions that run in the same sequence as this one: its stage's, or its stage's triggers for a trigger. */
export function sequenceOf(instruction: Instruction): readonly Instruction[] {
  const stage = instruction.stage;
  if (!stage) return [];
  return isTrigger(instruction) ? stage.triggers : stage.instructions;
}

/**
 * True when the instruction's layer ends up in a shipped image: its stage is shipped, or it is an
 * ONBUILD trigger (its layer goes into whatever image builds on this one, as hadolint assumes too).
 */
export function inShippedStage(instruction: Instruction, shipped: ReadonlySet<Stage>): boolean {
  return isTrigger(instruction) || (instruction.stage !== null && shipped.has(instruction.stage));
}

/** RUNs that see this RUN's files: the later ones of its stage and every RUN of the stages built on it (for a trigger: the later triggers). */
export function laterRuns(model: DockerfileModel, run: Instruction): RunInstruction[] {
  const stage = run.stage;
  if (!stage) return [];
  const instructions = isTrigger(run)
    ? stage.triggers.filter((other) => other.index > run.index)
    : [...stage.instructions.filter((other) => other.index > run.index), ...descendantStages(stage, model.stages).flatMap((s) => s.instructions)];
  return instructions.filter((other): other is RunInstruction => other.keyword === 'RUN' && other.run !== undefined);
}

/** The earlier RUNs of the instruction's stage (of its stage's triggers, for a trigger), nearest first. */
export function earlierRunsInStage(instruction: Instruction): RunInstruction[] {
  return sequenceOf(instruction)
    .filter((other): other is RunInstruction => other.index < instruction.index && other.keyword === 'RUN' && other.run !== undefined)
    .reverse();
}

/** The `target=` of each `--mount=type=cache` (or `type=tmpfs`: also never committed) of a RUN. */
export function cacheMountTargets(run: Instruction): string[] {
  const targets: string[] = [];
  for (const flag of run.flags) {
    if (flag.name !== 'mount' || !flag.value) continue;
    const fields = new Map(
      flag.value.split(',').map((field) => {
        const eq = field.indexOf('=');
        return [eq === -1 ? field : field.slice(0, eq), eq === -1 ? '' : field.slice(eq + 1)] as const;
      }),
    );
    if (fields.get('type') !== 'cache' && fields.get('type') !== 'tmpfs') continue;
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (target) targets.push(withoutTrailingSlashes(target.replace(/^["']|["']$/g, '')) || '/');
  }
  return targets;
}

/** True when a cache mount covers `path` (it is the mount point or inside it). */
export function cacheMountCovers(run: Instruction, path: string): boolean {
  const clean = withoutTrailingSlashes(path);
  return cacheMountTargets(run).some((target) => clean === target || clean.startsWith(`${target}/`) || target === '/');
}

/** The USER in effect when an instruction runs, as written (null when no USER was set in its stage chain). */
export function userAt(instruction: Instruction): string | null {
  if (isTrigger(instruction)) {
    // A trigger runs as the image's final USER, unless an earlier `ONBUILD USER` switched it.
    const earlier = sequenceOf(instruction).filter((other) => other.index < instruction.index && other.keyword === 'USER' && other.args[0]);
    return earlier.at(-1)?.args[0]?.value ?? instruction.stage?.user?.name ?? null;
  }
  let stage = instruction.stage;
  let before = instruction.index;
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const other = stage.instructions[i] as Instruction;
      if (other.index >= before) continue;
      if (other.keyword === 'USER' && other.args[0]) return other.args[0].value;
    }
    before = Infinity;
    stage = stage.parent;
  }
  return null;
}

/** True when the instruction runs as root as far as the Dockerfile shows: no USER, or USER root / 0. */
export function runsAsRoot(instruction: Instruction): boolean {
  const user = userAt(instruction);
  return user === null || /^(root|0)(:(root|0))?$/.test(user);
}

/**
 * True when an earlier instruction of the stage chain (RUN or ENV text, or a COPY/ADD into `configDir`)
 * may configure what `pattern` describes: apt settings written to /etc/apt/apt.conf.d, and the like.
 */
export function configuredBefore(instruction: Instruction, source: { slice(range: { start: number; end: number }): string }, pattern: RegExp, configDir?: RegExp): boolean {
  const configures = (other: Instruction) =>
    ((other.keyword === 'RUN' || other.keyword === 'ENV') && pattern.test(source.slice(other.range))) ||
    (configDir !== undefined && (other.keyword === 'COPY' || other.keyword === 'ADD') && other.args.length > 1 && configDir.test(other.args.at(-1)?.value ?? ''));
  // A trigger sees the whole stage chain, then the triggers before it.
  const trigger = isTrigger(instruction);
  if (trigger && sequenceOf(instruction).some((other) => other.index < instruction.index && configures(other))) return true;
  let stage = instruction.stage;
  let before = trigger ? Infinity : instruction.index;
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    if (firstConfiguring(stage, source, pattern, configDir) < before) return true;
    before = Infinity;
    stage = stage.parent;
  }
  return false;
}

/** Per stage and pattern, the index of the first instruction that configures it: computed once, so that asking for every RUN stays linear. */
const firstConfiguringCache = new WeakMap<Stage, Map<string, number>>();

function firstConfiguring(stage: Stage, source: { slice(range: { start: number; end: number }): string }, pattern: RegExp, configDir: RegExp | undefined): number {
  let cache = firstConfiguringCache.get(stage);
  if (!cache) firstConfiguringCache.set(stage, (cache = new Map()));
  const key = `${pattern.source}/${pattern.flags}\0${configDir ? `${configDir.source}/${configDir.flags}` : ''}`;
  let first = cache.get(key);
  if (first === undefined) {
    first = Infinity;
    for (const other of stage.instructions) {
      const configures =
        ((other.keyword === 'RUN' || other.keyword === 'ENV') && pattern.test(source.slice(other.range))) ||
        (configDir !== undefined && (other.keyword === 'COPY' || other.keyword === 'ADD') && other.args.length > 1 && configDir.test(other.args.at(-1)?.value ?? ''));
      if (configures) {
        first = other.index;
        break;
      }
    }
    cache.set(key, first);
  }
  return first;
}

/** The WORKDIR in effect at an instruction, resolved against earlier ones; null when unknown (unset, or uses a variable). */
export function workdirAt(instruction: Instruction): string | null {
  const chain: Instruction[] = [];
  let stage = instruction.stage;
  const trigger = isTrigger(instruction);
  let before = trigger ? Infinity : instruction.index;
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    chain.unshift(...stage.instructions.filter((other) => other.index < before && other.keyword === 'WORKDIR'));
    before = Infinity;
    stage = stage.parent;
  }
  // A trigger starts in the image's final WORKDIR, then follows the `ONBUILD WORKDIR`s before it.
  if (trigger) chain.push(...sequenceOf(instruction).filter((other) => other.index < instruction.index && other.keyword === 'WORKDIR'));
  let dir: string | null = null;
  for (const workdir of chain) {
    // `WORKDIR "/srv"` names /srv: the frontend drops the quotes.
    const value = (workdir.args[0]?.value ?? '').replace(/^(["'])(.*)\1$/, '$2');
    if (!value || value.includes('$')) return null;
    dir = value.startsWith('/') ? value : dir === null ? null : `${dir.replace(/\/$/, '')}/${value}`;
  }
  return dir === null ? null : withoutTrailingSlashes(dir) || '/';
}

/**
 * The shell script of a RUN whose package-manager cache would stay in the image: the RUN is in a
 * stage that ships and has no cache mount whose target matches `cacheTarget`. Null otherwise.
 */
export function scriptLeavingCache(run: RunInstruction, shipped: ReadonlySet<Stage>, cacheTarget: RegExp): ShellScript | null {
  const script = run.run.script;
  if (!script || !inShippedStage(run, shipped)) return null;
  return cacheMountTargets(run).some((target) => cacheTarget.test(target)) ? null : script;
}

/** The position of the first instruction whose index is `index` or more, by binary search (a stage's instructions and the sequences built from them are in index order). */
export function firstAtOrAfter(instructions: readonly Instruction[], index: number): number {
  let low = 0;
  let high = instructions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((instructions[mid] as Instruction).index < index) low = mid + 1;
    else high = mid;
  }
  return low;
}
