import type { Instruction, Source, Stage } from '@dockfix/core';

/** One `ONBUILD <instruction>` trigger: what runs when a child image builds `FROM` this one. */
export interface OnbuildTrigger {
  readonly instruction: Instruction;
  /** The trigger's keyword, upper-cased: `RUN`, `COPY`. */
  readonly keyword: string;
  /** The trigger's arguments as written (`apt-get install -y curl`). */
  readonly text: string;
}

/**
 * The ONBUILD triggers of a stage, read from the instructions' text. One place, so that rules switch
 * to the model's own ONBUILD view when core has one.
 */
export function onbuildTriggers(stage: Stage, source: Source): OnbuildTrigger[] {
  const triggers: OnbuildTrigger[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ONBUILD' || !instruction.argsRange) continue;
    const written = source.slice(instruction.argsRange).trim();
    const match = /^(\w+)\s*([\s\S]*)$/.exec(written);
    if (match?.[1]) triggers.push({ instruction, keyword: match[1].toUpperCase(), text: match[2] ?? '' });
  }
  return triggers;
}
