import type { Instruction, Source, Stage } from '@dockfix/core';

/** One `ONBUILD <instruction>` trigger: what runs when a child image builds `FROM` this one. */
export interface OnbuildTrigger {
  /** The `ONBUILD` instruction itself. */
  readonly instruction: Instruction;
  /** The trigger's keyword, upper-cased: `RUN`, `COPY`. */
  readonly keyword: string;
  /** The trigger's arguments as written (`apt-get install -y curl`). */
  readonly text: string;
}

/** The ONBUILD triggers of a stage (none for a missing stage), from the model's trigger instructions. */
export function onbuildTriggers(stage: Stage | null, source: Source): OnbuildTrigger[] {
  if (!stage) return [];
  return stage.triggers.map((trigger) => ({
    instruction: trigger.onbuild ?? trigger,
    keyword: trigger.keyword,
    text: trigger.argsRange ? source.slice(trigger.argsRange).trim() : '',
  }));
}
