import type { Instruction, RuleContext, Stage, Visitor } from '@dockfix/core';
import { removeInstruction } from './instructions.js';

/**
 * The visitor of the "only the last X in a stage counts" rules (CMD, ENTRYPOINT, HEALTHCHECK): reports
 * every earlier one, as BuildKit's MultipleInstructionsDisallowed does, and offers to delete it. Deleting
 * an instruction that a later one of the same kind overrides leaves the image config as it was.
 */
export function duplicateInstructionVisitor(ctx: RuleContext<unknown>, keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): Visitor {
  const seen = new Map<Stage, Instruction[]>();
  const visit = (instruction: Instruction) => {
    if (!instruction.stage) return;
    const list = seen.get(instruction.stage) ?? [];
    list.push(instruction);
    seen.set(instruction.stage, list);
  };
  return {
    [keyword]: visit,
    'Stage:exit': (stage: Stage) => {
      const list = seen.get(stage) ?? [];
      const last = list.at(-1);
      if (!last) return;
      const lastLine = ctx.source.lineColumnAt(last.range.start).line;
      for (const earlier of list.slice(0, -1)) {
        const edit = removeInstruction(ctx, earlier);
        ctx.report({
          node: earlier.range,
          message: `this ${keyword} has no effect: the ${keyword} on line ${lastLine} replaces it in this stage`,
          ...(edit ? { fix: { title: `Remove the overridden ${keyword}`, edits: [edit], instructionDelta: -1 } } : {}),
        });
      }
    },
  } as Visitor;
}
